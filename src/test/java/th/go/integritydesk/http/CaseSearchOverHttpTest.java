package th.go.integritydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.integritydesk.casefile.CaseSearch;
import th.go.integritydesk.casefile.NeedToKnow;
import th.go.integritydesk.http.StaffClient.Answer;
import th.go.integritydesk.web.StaffUser;

/**
 * Staff search in Thai (issue 26): by the facts, the accused and the tracking number, Thai words the dictionary splits
 * differently in the text still found, the matching text marked, only cases the searcher may read, no complainant
 * identity in the index; similar earlier cases for screening; the index goes on from its last commit after a restart.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchOverHttpTest {

  @LocalServerPort int port;
  @Autowired CaseSearch search;
  @Autowired NeedToKnow needToKnow;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  private final List<String> filed = new ArrayList<>();
  private String bribe;
  private String bribeAgain;
  private String rigging;

  StaffClient staff(String user) {
    return new StaffClient(port, user, "demo");
  }

  String file(String subject, String facts, String name, String position, String unit, String complainant) {
    Map<String, Object> accused = new HashMap<>(Map.of("name", name, "unit", unit, "rank", "OPERATIONAL"));
    if (position != null) {
      accused.put("position", position);
    }
    Answer recorded = staff("intake").post("/api/staff/complaints", Map.of("channel", "LETTER", "category", "BRIBERY",
        "subject", subject, "description", facts, "accused", accused,
        "complainant", Map.of("name", complainant, "address", "1 ถนนค้นหา กรุงเทพฯ"), "consentToContact", false));
    assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
    String tn = recorded.body().get("trackingNumber").asText();
    filed.add(tn);
    return tn;
  }

  @BeforeAll
  void cases() {
    bribe = file("เจ้าหน้าที่เรียกรับเงินค่าใบอนุญาต", "นายตรวจสอบ ชัดเจน เรียกรับเงิน 5,000 บาท SEARCH-MARKER-1",
        "นายตรวจสอบ ชัดเจน", "ผู้อำนวยการกองคลัง", "กองคลัง", "นางผู้ร้อง ลับสุดยอด");
    bribeAgain = file("เรียกรับเงินอีกครั้ง", "นายตรวจสอบ ชัดเจน เรียกรับเงินค่าใบอนุญาตอีก SEARCH-MARKER-2",
        "นายตรวจสอบ ชัดเจน", "ผู้อำนวยการกองคลัง", "กองคลัง", "นายผู้ร้อง คนที่สอง");
    rigging = file("Bid rigging in the road contract", "The committee shared the bids with one company before"
        + " opening SEARCH-MARKER-3", "Mr Roadworks", null, "กองช่าง", "Ms Whistle Blower");
    search.catchUp();
  }

  @AfterAll
  void endTheCases() {
    NeedToKnowMatrixTest.endCases(runtime, filed);
  }

  List<String> found(String user, String q) {
    Answer answer = staff(user).get("/api/staff/search?q=" + java.net.URLEncoder.encode(q,
        java.nio.charset.StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    List<String> tns = new ArrayList<>();
    answer.body().get("hits").forEach(h -> tns.add(h.get("trackingNumber").asText()));
    return tns;
  }

  @Test
  void thaiWordsTheAccusedAndTheTrackingNumberFindTheirCases() {
    // เรียกรับ: ThaiAnalyzer would drop รับ as a stop word
    assertThat(found("supervisor", "เรียกรับ")).contains(bribe, bribeAgain).doesNotContain(rigging);
    // กองคลัง inside ผู้อำนวยการกองคลัง, which the dictionary splits as ผู้|อำนวย|การก|อง|คลัง
    assertThat(found("supervisor", "ผู้อำนวยการกองคลัง")).contains(bribe, bribeAgain);
    assertThat(found("supervisor", "อำนวยการกอง")).contains(bribe);
    assertThat(found("supervisor", "bid RIGGING")).contains(rigging).doesNotContain(bribe, bribeAgain);
    assertThat(found("supervisor", "roadworks")).containsExactly(rigging);
    assertThat(found("supervisor", bribe)).containsExactly(bribe);
    assertThat(found("supervisor", bribe.toLowerCase())).containsExactly(bribe);
    // every term must match
    assertThat(found("supervisor", "เรียกรับ rigging")).isEmpty();
    JsonNode hit = staff("supervisor").get("/api/staff/search?q=" + java.net.URLEncoder.encode("เรียกรับ",
        java.nio.charset.StandardCharsets.UTF_8)).body().get("hits").get(0);
    assertThat(hit.get("subject").asText() + hit.get("snippet").asText()).contains("<mark>เรียกรับ</mark>");
  }

  @Test
  void onlyCasesTheSearcherMayReadAreFoundAndNeverTheComplainant() {
    // investigator2 is of กองคลัง, the accused's unit; investigator has no part in these cases; analysts read none
    // (other tests' cases are in the same database: only these cases are asked about)
    assertThat(found("investigator2", "เรียกรับ")).doesNotContain(bribe, bribeAgain);
    assertThat(found("investigator", "เรียกรับ")).doesNotContain(bribe, bribeAgain);
    assertThat(found("analyst", "rigging")).isEmpty();
    assertThat(found("supervisor", "เรียกรับ")).contains(bribe, bribeAgain);
    // the screener's group holds their screening tasks; intake recorded them
    assertThat(found("screener", "rigging")).contains(rigging);
    assertThat(found("intake", "เรียกรับ")).contains(bribe, bribeAgain);
    // the complainant's identity is not in the index
    assertThat(found("supervisor", "ลับสุดยอด")).isEmpty();
    assertThat(found("supervisor", "Whistle Blower")).doesNotContain(rigging);
  }

  @Test
  void similarEarlierCasesAreSuggestedForScreening() {
    Answer similar = staff("screener").get("/api/staff/complaints/" + bribeAgain + "/similar");
    assertThat(similar.status()).as(similar.raw()).isEqualTo(200);
    List<String> tns = new ArrayList<>();
    similar.body().forEach(h -> tns.add(h.get("trackingNumber").asText()));
    assertThat(tns).contains(bribe).doesNotContain(bribeAgain, rigging);
    // earlier cases only
    List<String> ofTheFirst = new ArrayList<>();
    staff("screener").get("/api/staff/complaints/" + bribe + "/similar").body()
        .forEach(h -> ofTheFirst.add(h.get("trackingNumber").asText()));
    assertThat(ofTheFirst).doesNotContain(bribeAgain);
    assertThat(staff("investigator2").get("/api/staff/complaints/" + bribeAgain + "/similar").status())
        .isEqualTo(404);
    String page = staff("screener").get("/staff/case?tn=" + bribeAgain).raw();
    assertThat(page).contains("id=\"similar-list\"").contains(bribe);
  }

  @Test
  void theSearchPageWorksWithoutJavaScriptAndBadInputIsNamed() {
    Answer page = staff("supervisor").get("/staff/search?q=" + java.net.URLEncoder.encode("Bid rigging",
        java.nio.charset.StandardCharsets.UTF_8));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw()).contains(rigging).contains("<mark>Bid</mark>").contains("<mark>rigging</mark>")
        .doesNotContain("<script");
    Answer bad = staff("supervisor").get("/api/staff/search?q=x&page=-1");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.raw()).contains("page");
    assertThat(new StaffClient(port, "nobody", "none").anonymousGet("/api/staff/search?q=x").status())
        .isEqualTo(401);
  }

  /** The index is a cache of the database: a new node (or one restarted) goes on from its last commit. */
  @Test
  void anIndexOnDiskGoesOnFromItsLastCommitAfterARestart() throws Exception {
    Path folder = Files.createTempDirectory("search-index");
    StaffUser supervisor = new StaffUser("supervisor", List.of("supervisor"));
    CaseSearch first = new CaseSearch(jdbc, needToKnow, folder.toString());
    first.catchUp();
    assertThat(first.search(supervisor, "SEARCH-MARKER-3", 0, 20).hits()).hasSize(1);
    closeIt(first);
    String later = file("เรื่องที่มาภายหลัง", "รับเข้ามาหลังปิดดัชนี SEARCH-MARKER-4", "นายภายหลัง", null, "กองช่าง",
        "ผู้ร้อง ภายหลัง");
    CaseSearch second = new CaseSearch(jdbc, needToKnow, folder.toString());
    assertThat(second.search(supervisor, "SEARCH-MARKER-3", 0, 20).hits()).as("kept on disk").hasSize(1);
    second.catchUp();
    assertThat(second.search(supervisor, "SEARCH-MARKER-4", 0, 20).hits()).extracting(CaseSearch.Hit::trackingNumber)
        .containsExactly(later);
    closeIt(second);
  }

  private static void closeIt(CaseSearch search) throws Exception {
    var close = CaseSearch.class.getDeclaredMethod("close");
    close.setAccessible(true);
    close.invoke(search);
  }
}
