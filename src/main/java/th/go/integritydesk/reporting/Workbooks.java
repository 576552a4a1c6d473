package th.go.integritydesk.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Excel workbooks (Apache POI): one sheet per table, a title row, a heading row, then the rows; numbers as numbers. */
final class Workbooks {

  record Sheet(String name, String title, List<String> headings, List<List<Object>> rows) {}

  /** Where the first data row is on every sheet (after the title and the headings). */
  static final int FIRST_DATA_ROW = 2;

  private Workbooks() {}

  static byte[] write(List<Sheet> sheets) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle heading = workbook.createCellStyle();
      heading.setFont(bold);
      for (Sheet s : sheets) {
        XSSFSheet sheet = workbook.createSheet(s.name());
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue(s.title());
        title.setCellStyle(heading);
        Row headings = sheet.createRow(1);
        for (int c = 0; c < s.headings().size(); c++) {
          Cell cell = headings.createCell(c);
          cell.setCellValue(s.headings().get(c));
          cell.setCellStyle(heading);
          sheet.setColumnWidth(c, (c == 0 ? 40 : 20) * 256);
        }
        int r = FIRST_DATA_ROW;
        for (List<Object> values : s.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (value != null) {
              row.createCell(c).setCellValue(value.toString());
            }
          }
        }
        sheet.createFreezePane(0, FIRST_DATA_ROW);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
