package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.integritydesk.process.Deadlines;

/** The complaint-handling manual is generated from the deployed models and the deadline settings in force. */
@HttpTest
class ManualOverHttpTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired Deadlines deadlines;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theManualNamesEveryStepAndStageOfTheDeployedModelsAndWhoDoesThem() throws Exception {
    String manual = page("/manual");
    List<String> names = new ArrayList<>();
    for (String key : List.of("complaint-lifecycle", "fact-finding", "disciplinary-action")) {
      BpmnModelInstance model = repository.getBpmnModelInstance(latest(key).getId());
      model.getModelElementsByType(UserTask.class).forEach(t -> names.add(thai(t.getName())));
      model.getModelElementsByType(CallActivity.class).forEach(c -> names.add(thai(c.getName())));
    }
    assertThat(names).contains("คัดกรองเรื่อง", "สืบสวนข้อเท็จจริง", "ดำเนินการทางวินัย", "พิจารณาสั่งลงโทษ");
    for (String name : names) {
      assertThat(manual).as(name).contains(name);
    }
    assertThat(manual).contains("ขั้น: สืบสวนข้อเท็จจริง").contains("ขั้น: ดำเนินการทางวินัย")
        .contains("เจ้าหน้าที่คัดกรอง").contains("ผู้บังคับบัญชา").contains("ผู้มีอำนาจสั่งลงโทษ")
        .contains("ผู้สืบสวนที่ได้รับมอบหมาย").contains("ประธานคณะกรรมการสอบสวน")
        // channels, unit, protection
        .contains("เว็บไซต์ (แบบฟอร์มออนไลน์)").contains("บัตรสนเท่ห์").contains("ส่งต่อจาก ป.ป.ช.")
        .contains("ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงตัวอย่าง").contains("acoc@example.go.th")
        .contains("5. การคุ้มครองผู้ร้องเรียน").contains("ITA ข้อ O18");
    assertThat(manual).doesNotContain("<script").doesNotContain(" style=");
    // the step's own time limit, from the setting it reads
    String screening = manual.substring(manual.indexOf("data-element=\"screen-complaint\""));
    assertThat(screening.substring(0, screening.indexOf("</tr>"))).contains("15 วัน");
    // the acknowledgement by mail, with its own deadline, right after the acknowledgement and before screening
    String byMail = manual.substring(manual.indexOf("data-element=\"acknowledge-by-mail\""));
    assertThat(byMail.substring(0, byMail.indexOf("</tr>"))).contains("15 วัน");
    assertThat(manual.indexOf("data-element=\"acknowledge-receipt\""))
        .isLessThan(manual.indexOf("data-element=\"acknowledge-by-mail\""));
    assertThat(manual.indexOf("data-element=\"mail-acknowledgement\""))
        .isLessThan(manual.indexOf("data-element=\"escalate-acknowledgement\""))
        .isLessThan(manual.indexOf("data-element=\"screen-complaint\""));
  }

  /** The letters the process sends (issue 27), and the intake tasks that post them, with their time. */
  @Test
  void theManualListsTheLettersTheProcessSends() throws Exception {
    String manual = page("/manual");
    for (th.go.integritydesk.letters.LetterKind kind : th.go.integritydesk.letters.LetterKind.values()) {
      String row = manual.substring(manual.indexOf("data-letter=\"" + kind.id() + "\""));
      assertThat(row.substring(0, row.indexOf("</tr>"))).as(kind.id())
          .contains(th.go.integritydesk.process.Bilingual.thai("letter.kind." + kind.id()));
    }
    assertThat(manual).contains("หนังสือที่ศูนย์ฯ ส่ง").contains("ทะเบียนหนังสือส่ง");
    for (String task : List.of("post-acknowledgement-letter", "post-information-request-letter", "post-outcome-letter")) {
      String step = manual.substring(manual.indexOf("data-element=\"" + task + "\""));
      assertThat(step.substring(0, step.indexOf("</tr>"))).as(task).contains("เจ้าหน้าที่รับเรื่อง").contains("วัน");
    }
    String outcome = manual.substring(manual.indexOf("data-element=\"post-outcome-letter\""));
    assertThat(outcome.substring(0, outcome.indexOf("</tr>"))).contains("5 วัน");
    assertThat(page("/manual?lang=en")).contains("Letters the centre sends").contains("Committee appointment order");
  }

  @Test
  void theManualListsEveryDeadlineSettingInThaiDays() throws Exception {
    String manual = page("/manual");
    deadlines.all().forEach((key, iso) -> {
      String setting = "integrity-desk.deadlines." + key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
      assertThat(manual).as(key).contains(setting + ": " + iso).contains("data-deadline=\"" + key + "\"");
      assertThat(manual).contains(iso.substring(1, iso.length() - 1) + " วัน");
    });
    assertThat(page("/manual?lang=en")).contains("Manual for handling corruption complaints").contains("15 days")
        .contains("Screen complaint").contains("Screening officer");
  }

  @Test
  void theManualChangesWithADeadlineSetting() throws Exception {
    String before = deadlines.getFactFinding();
    try {
      deadlines.setFactFinding("P120D");
      String manual = page("/manual");
      assertThat(manual).contains("integrity-desk.deadlines.fact-finding: P120D");
      String step = manual.substring(manual.indexOf("data-element=\"conduct-fact-finding\""));
      assertThat(step.substring(0, step.indexOf("</tr>"))).contains("120 วัน");
    } finally {
      deadlines.setFactFinding(before);
    }
    assertThat(page("/manual")).doesNotContain("120 วัน");
  }

  @Test
  void theManualChangesWhenAnAnalystDeploysANewVersionOfAModel() throws Exception {
    ProcessDefinition current = latest("fact-finding");
    BpmnModelInstance model = Bpmn.readModelFromStream(repository.getProcessModel(current.getId()));
    UserTask review = model.getModelElementById("review-findings");
    review.setName("ตรวจทานผลการสืบสวนโดยผู้อำนวยการ / Review findings by the director");
    review.setCamundaCandidateGroups("analyst");
    Deployment deployment = repository.createDeployment().name("manual-test").addModelInstance("fact-finding.bpmn", model)
        .deploy();
    try {
      assertThat(latest("fact-finding").getVersion()).isEqualTo(current.getVersion() + 1);
      String manual = page("/manual");
      String step = manual.substring(manual.indexOf("data-element=\"review-findings\""));
      assertThat(step.substring(0, step.indexOf("</tr>"))).contains("ตรวจทานผลการสืบสวนโดยผู้อำนวยการ")
          .contains("นักวิเคราะห์");
      assertThat(manual).contains("fact-finding v" + (current.getVersion() + 1));
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(page("/manual")).doesNotContain("ตรวจทานผลการสืบสวนโดยผู้อำนวยการ");
  }

  ProcessDefinition latest(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  static String thai(String name) {
    int slash = name.indexOf(" / ");
    return slash < 0 ? name : name.substring(0, slash);
  }

  String page(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    return response.body();
  }
}
