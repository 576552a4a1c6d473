package th.go.integritydesk.casefile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.go.integritydesk.identity.Groups;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.web.CaseNotFound;
import th.go.integritydesk.web.StaffUser;

/**
 * The one rule that decides who may read anything about a case (docs/adr/0013-need-to-know.md): the case file, its
 * evidence, notes, documents and timeline. A reader is
 * <ul>
 *   <li>an officer of a group that has an open task on the case (or named as its assignee or candidate),</li>
 *   <li>an officer who was assigned or completed a task on it ({@code case_participant}),</li>
 *   <li>the {@code intake} officer who recorded it, or</li>
 *   <li>a {@code supervisor},</li>
 * </ul>
 * and never a member of the accused's unit (whatever their groups), never an {@code analyst}, never an officer with
 * no unit. A refusal is indistinguishable from an unknown case ({@link CaseNotFound}, 404), and every read and every
 * refusal is recorded ({@link CaseReads}).
 */
@Service
public class NeedToKnow {

  /** What of a case was read, as recorded. */
  public enum What {
    API, PAGE, EVIDENCE, DOCUMENT, NOTES, NOTE_WRITTEN, DOCUMENTS, DOCUMENT_UPLOADED, TIMELINE, LETTERS, LETTER,
    LETTER_GENERATED, IDENTITY, SIMILAR, LEGAL_HOLD, ORIGINAL
  }

  /** Why a reader may read, or why not: recorded nowhere, returned to tests and logs. */
  public enum Ground {
    SUPERVISOR, RECORDED_IT, OPEN_TASK, TOOK_PART,
    NO_SUCH_CASE, NOT_AN_OFFICER, ANALYST, NO_UNIT, ACCUSED_UNIT, NO_PART;

    public boolean allows() {
      return ordinal() <= TOOK_PART.ordinal();
    }
  }

  private static final Logger AUDIT = LoggerFactory.getLogger("integrity-desk.audit");
  private static final List<String> CASE_HANDLERS = List.of(Groups.INTAKE, Groups.SCREENING, Groups.SUPERVISOR,
      Groups.INVESTIGATOR, Groups.DISCIPLINARY_AUTHORITY);

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final ManagementService management;
  private final CaseReads reads;
  private volatile String openTaskQuery;

  public NeedToKnow(JdbcClient jdbc, IdentityService identity, ManagementService management, CaseReads reads) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.management = management;
    this.reads = reads;
  }

  /**
   * Lets the read go on if the rule allows it, and records it; otherwise records the refusal and answers as for an
   * unknown case. {@code itemId} names the evidence or document read, where there is one.
   */
  public void open(StaffUser user, String trackingNumber, What what, Long itemId) {
    String number = trackingNumber == null ? "" : trackingNumber.strip();
    Ground ground = ground(user, number);
    if (number.matches(TrackingNumbers.PATTERN)) {
      reads.record(number, user.id(), what, itemId, ground.allows());
    }
    if (!ground.allows()) {
      if (ground != Ground.NO_SUCH_CASE) {
        AUDIT.warn("Case file {} refused to {} ({}, {})", number, user.id(), what, ground);
      }
      throw new CaseNotFound();
    }
  }

  /**
   * The identity custodians' rule (the intake unit reveals who complained and writes to them, for any case: the
   * complainant may call about any of them): an {@code intake} officer with a unit, outside the accused's unit. The
   * caller has checked the group; anyone else here is answered as for an unknown case. Recorded like every read.
   */
  public void openAsCustodian(StaffUser user, String trackingNumber, What what) {
    String number = trackingNumber == null ? "" : trackingNumber.strip();
    Ground ground = ground(user, number);
    boolean allows = user.groups().contains(Groups.INTAKE) && (ground.allows() || ground == Ground.NO_PART);
    if (number.matches(TrackingNumbers.PATTERN)) {
      reads.record(number, user.id(), what, null, allows);
    }
    if (!allows) {
      if (ground != Ground.NO_SUCH_CASE) {
        AUDIT.warn("Case {} refused to custodian {} ({}, {})", number, user.id(), what, ground);
      }
      throw new CaseNotFound();
    }
  }

  /**
   * Lets an officer who may read the case and holds a task on it (assigned, or offered to them or their group), or a
   * supervisor, add to its record (documents); records the attempt. Anyone else: as for an unknown case, or, for a
   * reader without a task, 403.
   */
  public void openToWork(StaffUser user, String trackingNumber, What what) {
    open(user, trackingNumber, what, null);
    if (!user.groups().contains(Groups.SUPERVISOR) && !hasOpenTask(trackingNumber.strip(), user)) {
      throw new th.go.integritydesk.web.StaffAccessDenied(org.springframework.http.HttpStatus.FORBIDDEN,
          "document.holdATask");
    }
  }

  /** Whether the user may read the case, and on what ground; nothing is recorded. */
  public boolean mayRead(StaffUser user, String trackingNumber) {
    return ground(user, trackingNumber).allows();
  }

  /** The rule itself. */
  public Ground ground(StaffUser user, String trackingNumber) {
    if (trackingNumber == null || !trackingNumber.matches(TrackingNumbers.PATTERN)) {
      return Ground.NO_SUCH_CASE;
    }
    record Case(String accusedUnit, String recordedBy) {}
    Optional<Case> found = jdbc.sql("SELECT accused_unit, recorded_by FROM complaint WHERE tracking_number = ?")
        .param(trackingNumber)
        .query((rs, i) -> new Case(rs.getString(1), rs.getString(2)))
        .optional();
    if (found.isEmpty()) {
      return Ground.NO_SUCH_CASE;
    }
    if (user.groups().contains(Groups.ANALYST)) {
      return Ground.ANALYST;
    }
    if (CASE_HANDLERS.stream().noneMatch(user.groups()::contains)) {
      return Ground.NOT_AN_OFFICER;
    }
    List<String> units = unitsOf(user.id());
    if (units.isEmpty()) {
      return Ground.NO_UNIT;
    }
    String accused = found.get().accusedUnit();
    if (accused != null && units.stream().anyMatch(unit -> sameUnit(unit, accused))) {
      return Ground.ACCUSED_UNIT;
    }
    if (user.groups().contains(Groups.SUPERVISOR)) {
      return Ground.SUPERVISOR;
    }
    if (user.groups().contains(Groups.INTAKE) && user.id().equals(found.get().recordedBy())) {
      return Ground.RECORDED_IT;
    }
    if (hasOpenTask(trackingNumber, user)) {
      return Ground.OPEN_TASK;
    }
    if (jdbc.sql("SELECT COUNT(*) FROM case_participant WHERE tracking_number = ? AND user_id = ?")
        .params(trackingNumber, user.id()).query(Integer.class).single() > 0) {
      return Ground.TOOK_PART;
    }
    return Ground.NO_PART;
  }

  /**
   * Of many cases, those the user may read: the same rule as {@link #ground}, asked in a few queries for all of them
   * (search results, similar cases), nothing recorded. {@code NeedToKnowMatrixTest} checks that it answers as the
   * rule does, case by case.
   */
  public java.util.Set<String> readable(StaffUser user, java.util.Collection<String> trackingNumbers) {
    java.util.Set<String> readable = new java.util.LinkedHashSet<>();
    List<String> asked = trackingNumbers.stream().filter(tn -> tn != null && tn.matches(TrackingNumbers.PATTERN))
        .distinct().toList();
    if (asked.isEmpty() || user.groups().contains(Groups.ANALYST)
        || CASE_HANDLERS.stream().noneMatch(user.groups()::contains)) {
      return readable;
    }
    List<String> units = unitsOf(user.id());
    if (units.isEmpty()) {
      return readable;
    }
    record Case(String trackingNumber, String accusedUnit, String recordedBy) {}
    List<Case> cases = jdbc.sql("SELECT tracking_number, accused_unit, recorded_by FROM complaint"
            + " WHERE tracking_number IN (:tns)")
        .param("tns", asked)
        .query((rs, i) -> new Case(rs.getString(1), rs.getString(2), rs.getString(3))).list().stream()
        .filter(c -> c.accusedUnit() == null || units.stream().noneMatch(unit -> sameUnit(unit, c.accusedUnit())))
        .toList();
    if (cases.isEmpty()) {
      return readable;
    }
    List<String> candidates = cases.stream().map(Case::trackingNumber).toList();
    java.util.Set<String> allowed = new java.util.HashSet<>();
    if (user.groups().contains(Groups.SUPERVISOR)) {
      allowed.addAll(candidates);
    } else {
      if (user.groups().contains(Groups.INTAKE)) {
        cases.stream().filter(c -> user.id().equals(c.recordedBy())).map(Case::trackingNumber).forEach(allowed::add);
      }
      allowed.addAll(jdbc.sql("SELECT DISTINCT P.BUSINESS_KEY_ FROM " + management.getTableName(TaskEntity.class)
              + " T JOIN " + management.getTableName(ExecutionEntity.class) + " P ON P.ID_ = T.PROC_INST_ID_"
              + " WHERE P.BUSINESS_KEY_ IN (:tns) AND (T.ASSIGNEE_ = :user OR EXISTS (SELECT 1 FROM "
              + management.getTableName(IdentityLinkEntity.class) + " L WHERE L.TASK_ID_ = T.ID_"
              + " AND L.TYPE_ = 'candidate' AND (L.USER_ID_ = :user OR L.GROUP_ID_ IN (:groups))))")
          .param("tns", candidates).param("user", user.id())
          .param("groups", user.groups().isEmpty() ? List.of("") : user.groups())
          .query(String.class).list());
      allowed.addAll(jdbc.sql("SELECT DISTINCT tracking_number FROM case_participant WHERE user_id = :user"
              + " AND tracking_number IN (:tns)")
          .param("user", user.id()).param("tns", candidates).query(String.class).list());
    }
    asked.stream().filter(allowed::contains).forEach(readable::add);
    return readable;
  }

  /**
   * Of many cases, those against one of the user's own units, or all of them for a user in no unit (fails closed):
   * what a register open to a whole group (the outgoing letters) must not show them.
   */
  public java.util.Set<String> againstOwnUnit(StaffUser user, java.util.Collection<String> trackingNumbers) {
    List<String> asked = trackingNumbers.stream().filter(tn -> tn != null && tn.matches(TrackingNumbers.PATTERN))
        .distinct().toList();
    if (asked.isEmpty()) {
      return java.util.Set.of();
    }
    List<String> units = unitsOf(user.id());
    if (units.isEmpty()) {
      return new java.util.HashSet<>(asked);
    }
    java.util.Set<String> own = new java.util.HashSet<>();
    jdbc.sql("SELECT tracking_number, accused_unit FROM complaint WHERE tracking_number IN (:tns)")
        .param("tns", asked)
        .query((rs, i) -> {
          String accused = rs.getString(2);
          if (accused != null && units.stream().anyMatch(unit -> sameUnit(unit, accused))) {
            own.add(rs.getString(1));
          }
          return null;
        }).list();
    return own;
  }

  /** The names of the user's units (groups of type unit), as the identity service holds them now. */
  public List<String> unitsOf(String userId) {
    // filtered here too: the directory's identity provider (profile ldap) ignores groupType and returns every group
    return identity.createGroupQuery().groupMember(userId).groupType(Groups.UNIT_TYPE).list().stream()
        .filter(group -> Groups.UNIT_TYPE.equals(group.getType()))
        .map(Group::getName)
        .filter(name -> name != null && !name.isBlank())
        .toList();
  }

  /** Unit names as complaints give them and as the directory holds them: case and runs of spaces do not count. */
  public static boolean sameUnit(String a, String b) {
    return a != null && b != null && normalise(a).equals(normalise(b));
  }

  static String normalise(String unit) {
    return unit.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * An open task of the case (of the lifecycle or a process it called: they share the business key) that is the
   * user's: assigned to them, or with them or one of their groups among its candidates. Asked of the engine's tables
   * directly, as the system: the question is about the case, not about what the user's engine grants let them list.
   */
  private boolean hasOpenTask(String trackingNumber, StaffUser user) {
    return jdbc.sql(openTaskQuery())
        .param("tn", trackingNumber)
        .param("user", user.id())
        .param("groups", user.groups().isEmpty() ? List.of("") : user.groups())
        .query(Integer.class).single() > 0;
  }

  private String openTaskQuery() {
    String query = openTaskQuery;
    if (query == null) {
      query = "SELECT COUNT(*) FROM " + management.getTableName(TaskEntity.class) + " T JOIN "
          + management.getTableName(ExecutionEntity.class) + " P ON P.ID_ = T.PROC_INST_ID_"
          + " WHERE P.BUSINESS_KEY_ = :tn AND (T.ASSIGNEE_ = :user OR EXISTS (SELECT 1 FROM "
          + management.getTableName(IdentityLinkEntity.class) + " L WHERE L.TASK_ID_ = T.ID_"
          + " AND L.TYPE_ = 'candidate' AND (L.USER_ID_ = :user OR L.GROUP_ID_ IN (:groups))))";
      openTaskQuery = query;
    }
    return query;
  }
}
