package th.go.integritydesk.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The complaint's record as the application keeps it, apart from the engine and from the complainant's identity. */
public record Complaint(
    Channel channel,
    Category category,
    String subject,
    String description,
    String accusedName,
    String accusedPosition,
    String accusedUnit,
    Rank accusedRank,
    LocalDate incidentDate,
    String location,
    BigDecimal amountInvolved,
    Integer yearsSinceLeftOffice,
    boolean naccFindingOfFault,
    String volunteerCode,
    String referenceNumber,
    String recordedBy) {
}
