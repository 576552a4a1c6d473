package th.go.integritydesk.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.process.Bilingual;
import th.go.integritydesk.process.StaffNotification;
import th.go.integritydesk.process.ThaiDates;
import th.go.integritydesk.web.StaffUser;

/**
 * One chronological view of a case (DESIGN.md, "Case file"): from the engine's history, every user task with who
 * completed it and the fields its completion wrote, and the stages the case entered; from the application's records,
 * the receipt, messages to the complainant, their later submissions, notes, documents, deadline extensions, and, for
 * supervisors only, identity reveals and case-file reads (allowed and refused). It shows the complainant's identity
 * to no one, and it lasts as long as the case's history is kept.
 */
@Service
public class CaseTimeline {

  /** Entries in one answer; the rest with {@code offset}. */
  public static final int PAGE = 500;
  /** How far {@code offset} reaches (every source is read up to it). */
  public static final int MAX_OFFSET = 10_000;

  /** Variables a task writes that are copies for Tasklist or notices, not decisions. */
  private static final Set<String> NOT_DECISIONS = Set.of("trackingNumber", "subject", "complainantReply");

  public record Entry(Instant at, String kind, String actor, Map<String, String> summary, Map<String, String> date,
                      Map<String, Object> details) {}

  private final JdbcClient jdbc;
  private final HistoryService history;

  public CaseTimeline(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /** The entries of the case the user was let read, oldest first, from the offset. */
  public List<Entry> of(StaffUser user, String trackingNumber, int offset) {
    int upTo = Math.min(Math.max(offset, 0), MAX_OFFSET) + PAGE;
    List<Entry> entries = new ArrayList<>();
    application(trackingNumber, upTo, entries);
    engine(trackingNumber, upTo, entries);
    if (user.groups().contains(Groups.SUPERVISOR)) {
      supervisorsOnly(trackingNumber, upTo, entries);
    }
    entries.sort(Comparator.comparing(Entry::at));
    int from = Math.min(Math.max(offset, 0), entries.size());
    return entries.subList(from, Math.min(entries.size(), from + PAGE));
  }

  private void application(String tn, int upTo, List<Entry> entries) {
    jdbc.sql("SELECT received_at, channel, recorded_by FROM complaint WHERE tracking_number = ?").param(tn)
        .query((rs, i) -> {
          Object[][] channel = labels("channel." + rs.getString(2));
          return entry(rs.getTimestamp(1).toInstant(), "RECEIVED", rs.getString(3), Map.of("channel", rs.getString(2)),
              "timeline.received", channel[0], channel[1]);
        })
        .list().forEach(entries::add);
    jdbc.sql("SELECT removed_at FROM complaint WHERE tracking_number = ? AND removed_at IS NOT NULL").param(tn)
        .query((rs, i) -> entry(rs.getTimestamp(1).toInstant(), "RETENTION_ENDED", null, Map.of(),
            "timeline.retentionEnded"))
        .list().forEach(entries::add);
    jdbc.sql("SELECT released_at, released_by, id FROM evidence WHERE tracking_number = ? AND released_at IS NOT NULL"
            + " ORDER BY id FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> entry(rs.getTimestamp(1).toInstant(), "ORIGINAL_RELEASED", rs.getString(2),
            Map.of("evidenceId", rs.getLong(3)), "timeline.originalReleased"))
        .list().forEach(entries::add);
    jdbc.sql("SELECT created_at, kind FROM complainant_message WHERE tracking_number = ? ORDER BY id"
            + " FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> entry(rs.getTimestamp(1).toInstant(), "MESSAGE_TO_COMPLAINANT", null,
            Map.of("messageKind", rs.getString(2)), "timeline.message." + rs.getString(2)))
        .list().forEach(entries::add);
    jdbc.sql("SELECT received_at, id FROM complainant_submission WHERE tracking_number = ? ORDER BY id"
            + " FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> entry(rs.getTimestamp(1).toInstant(), "COMPLAINANT_SUBMISSION", null,
            Map.of("submissionId", rs.getLong(2)), "timeline.submission"))
        .list().forEach(entries::add);
    jdbc.sql("SELECT written_at, author, id, corrects, written_through FROM case_note WHERE tracking_number = ?"
            + " ORDER BY id FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("noteId", rs.getLong(3));
          Long corrects = (Long) rs.getObject(4, Long.class);
          if (corrects != null) {
            details.put("corrects", corrects);
          }
          details.put("writtenThrough", rs.getString(5));
          return entry(rs.getTimestamp(1).toInstant(), "NOTE", rs.getString(2), details,
              corrects == null ? "timeline.note" : "timeline.noteCorrection", corrects);
        })
        .list().forEach(entries::add);
    jdbc.sql("SELECT uploaded_at, uploaded_by, id, kind, version FROM case_document WHERE tracking_number = ?"
            + " ORDER BY id FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> {
          Object[][] kind = labels("document.kind." + rs.getString(4), rs.getInt(5));
          return entry(rs.getTimestamp(1).toInstant(), "DOCUMENT", rs.getString(2),
              Map.of("documentId", rs.getLong(3), "documentKind", rs.getString(4), "version", rs.getInt(5)),
              "timeline.document", kind[0], kind[1]);
        })
        .list().forEach(entries::add);
    jdbc.sql("SELECT generated_at, generated_by, id, kind, prefix, number FROM letter_register WHERE tracking_number = ?"
            + " ORDER BY id FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> {
          String kind = rs.getString(4).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
          Object[][] label = labels("letter.kind." + kind, rs.getString(5) + "/" + rs.getInt(6));
          return entry(rs.getTimestamp(1).toInstant(), "LETTER", rs.getString(2),
              Map.of("letterId", rs.getLong(3), "letterKind", kind, "number", rs.getString(5) + "/" + rs.getInt(6)),
              "timeline.letter", label[0], label[1]);
        })
        .list().forEach(entries::add);
    jdbc.sql("SELECT decided_at, decided_by, overdue_task, new_due FROM deadline_extension WHERE tracking_number = ?"
            + " ORDER BY id FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> {
          Instant due = rs.getTimestamp(4).toInstant();
          return new Entry(rs.getTimestamp(1).toInstant(), "DEADLINE_EXTENDED", rs.getString(2),
              Map.of("th", Bilingual.thai("timeline.extension", rs.getString(3), ThaiDates.thai(due)),
                  "en", Bilingual.english("timeline.extension", rs.getString(3), ThaiDates.english(due))),
              dates(rs.getTimestamp(1).toInstant()), Map.of("task", rs.getString(3), "newDue", due));
        })
        .list().forEach(entries::add);
  }

  private void engine(String tn, int upTo, List<Entry> entries) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(tn).orderByProcessInstanceStartTime().asc().listPage(0, 200).stream()
        .filter(pi -> !StaffNotification.PROCESS_KEY.equals(pi.getProcessDefinitionKey()))
        .toList();
    if (instances.isEmpty()) {
      return;
    }
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, String> completedBy = new HashMap<>();
    jdbc.sql("SELECT task_id, user_id FROM case_participant WHERE tracking_number = ? AND took_part_as = 'COMPLETED'")
        .param(tn).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(e -> completedBy.put(e.getKey(), e.getValue()));
    Map<String, Map<String, Object>> fields = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceIdIn(ids).variableUpdates()
        .orderByTime().asc().listPage(0, Math.max(upTo, 2000))) {
      if (detail instanceof HistoricVariableUpdate update && detail.getActivityInstanceId() != null
          && !NOT_DECISIONS.contains(update.getVariableName()) && shown(update.getValue())) {
        fields.computeIfAbsent(detail.getActivityInstanceId(), k -> new LinkedHashMap<>())
            .put(update.getVariableName(), update.getValue());
      }
    }
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(tn)
        .finished().orderByHistoricTaskInstanceEndTime().asc().listPage(0, upTo)) {
      if (task.getEndTime() == null || "deleted".equals(task.getDeleteReason())) {
        continue;
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("task", task.getTaskDefinitionKey());
      details.put("fields", fields.getOrDefault(task.getActivityInstanceId(), Map.of()));
      String[] name = names(task.getName());
      entries.add(new Entry(task.getEndTime().toInstant(), "TASK_COMPLETED",
          completedBy.getOrDefault(task.getId(), task.getAssignee()),
          Map.of("th", Bilingual.thai("timeline.task", name[0]), "en", Bilingual.english("timeline.task", name[1])),
          dates(task.getEndTime().toInstant()), details));
    }
    for (HistoricProcessInstance pi : instances) {
      for (HistoricActivityInstance call : history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
          .activityType("callActivity").orderByHistoricActivityInstanceStartTime().asc().listPage(0, 100)) {
        String[] name = names(call.getActivityName());
        entries.add(new Entry(call.getStartTime().toInstant(), "STAGE_STARTED", null,
            Map.of("th", Bilingual.thai("timeline.stage", name[0]), "en", Bilingual.english("timeline.stage", name[1])),
            dates(call.getStartTime().toInstant()), Map.of("stage", call.getActivityId())));
      }
      if (pi.getEndTime() != null && pi.getSuperProcessInstanceId() == null) {
        entries.add(entry(pi.getEndTime().toInstant(), "CLOSED", null, Map.of(), "timeline.closed"));
      }
    }
  }

  private void supervisorsOnly(String tn, int upTo, List<Entry> entries) {
    jdbc.sql("SELECT set_at, set_by, reason, lifted_at, lifted_by, lift_reason FROM legal_hold WHERE tracking_number = ?"
            + " ORDER BY id FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> {
          List<Entry> hold = new ArrayList<>();
          hold.add(entry(rs.getTimestamp(1).toInstant(), "LEGAL_HOLD_SET", rs.getString(2),
              Map.of("reason", rs.getString(3)), "timeline.legalHoldSet"));
          if (rs.getTimestamp(4) != null) {
            hold.add(entry(rs.getTimestamp(4).toInstant(), "LEGAL_HOLD_LIFTED", rs.getString(5),
                Map.of("reason", rs.getString(6)), "timeline.legalHoldLifted"));
          }
          return hold;
        })
        .list().forEach(entries::addAll);
    jdbc.sql("SELECT revealed_at, revealed_to, reason FROM identity_reveal WHERE tracking_number = ? ORDER BY id"
            + " FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> entry(rs.getTimestamp(1).toInstant(), "IDENTITY_REVEALED", rs.getString(2),
            Map.of("reason", rs.getString(3)), "timeline.reveal"))
        .list().forEach(entries::add);
    jdbc.sql("SELECT read_at, user_id, what, item_id, allowed FROM case_read WHERE tracking_number = ?"
            + " ORDER BY read_at, id FETCH FIRST " + upTo + " ROWS ONLY").param(tn)
        .query((rs, i) -> {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("what", rs.getString(3));
          Long item = (Long) rs.getObject(4, Long.class);
          if (item != null) {
            details.put("itemId", item);
          }
          boolean allowed = rs.getBoolean(5);
          Object[][] what = labels("timeline.what." + rs.getString(3));
          return entry(rs.getTimestamp(1).toInstant(), allowed ? "CASE_READ" : "CASE_READ_REFUSED", rs.getString(2),
              details, allowed ? "timeline.read" : "timeline.readRefused", what[0], what[1]);
        })
        .list().forEach(entries::add);
  }

  /** An entry whose summary is one message in both languages, with the same arguments. */
  private static Entry entry(Instant at, String kind, String actor, Map<String, Object> details, String key,
                             Object... arguments) {
    return entry(at, kind, actor, details, key, arguments, arguments);
  }

  /** An entry whose summary is one message in both languages, with arguments of each language. */
  private static Entry entry(Instant at, String kind, String actor, Map<String, Object> details, String key,
                             Object[] thai, Object[] english) {
    return new Entry(at, kind, actor, Map.of("th", Bilingual.thai(key, thai), "en", Bilingual.english(key, english)),
        dates(at), details);
  }

  /** The label of a value (a channel, a document kind) in Thai and in English. */
  private static Object[][] labels(String key, Object... more) {
    Object[] thai = new Object[1 + more.length];
    Object[] english = new Object[1 + more.length];
    thai[0] = Bilingual.thai(key);
    english[0] = Bilingual.english(key);
    System.arraycopy(more, 0, thai, 1, more.length);
    System.arraycopy(more, 0, english, 1, more.length);
    return new Object[][] {thai, english};
  }

  /** The Buddhist-era date in Thai, the Gregorian one in English, each with the Bangkok time of day. */
  private static Map<String, String> dates(Instant at) {
    String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(ThaiDates.BANGKOK));
    return Map.of("th", Bilingual.thai("timeline.dateTime", ThaiDates.thai(at), time),
        "en", Bilingual.english("timeline.dateTime", ThaiDates.english(at), time));
  }

  /** A model's bilingual name "ไทย / English" as its two halves. */
  private static String[] names(String name) {
    if (name == null) {
      return new String[] {"", ""};
    }
    int slash = name.indexOf(" / ");
    return slash < 0 ? new String[] {name, name} : new String[] {name.substring(0, slash), name.substring(slash + 3)};
  }

  private static boolean shown(Object value) {
    return value instanceof String s ? s.length() <= 4000 : value instanceof Boolean || value instanceof Number;
  }
}
