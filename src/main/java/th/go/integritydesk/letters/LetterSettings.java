package th.go.integritydesk.letters;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The agency as its letters name it (integrity-desk.letters.*; the demo's values are in config/application.yaml). */
@ConfigurationProperties(prefix = "integrity-desk.letters")
public class LetterSettings {

  /** The agency's letter prefix, e.g. "รง 0201": numbers read "รง 0201/15". */
  private String prefix = "";
  private String agencyName = "";
  private String agencyAddress = "";
  private String responsibleUnit = "";
  private String phone = "";
  private String email = "";
  private String signatoryName = "";
  private String signatoryPosition = "";
  private String statusPageUrl = "";

  public String getPrefix() { return prefix; }
  public void setPrefix(String prefix) { this.prefix = prefix; }
  public String getAgencyName() { return agencyName; }
  public void setAgencyName(String agencyName) { this.agencyName = agencyName; }
  public String getAgencyAddress() { return agencyAddress; }
  public void setAgencyAddress(String agencyAddress) { this.agencyAddress = agencyAddress; }
  public String getResponsibleUnit() { return responsibleUnit; }
  public void setResponsibleUnit(String responsibleUnit) { this.responsibleUnit = responsibleUnit; }
  public String getPhone() { return phone; }
  public void setPhone(String phone) { this.phone = phone; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
  public String getSignatoryName() { return signatoryName; }
  public void setSignatoryName(String signatoryName) { this.signatoryName = signatoryName; }
  public String getSignatoryPosition() { return signatoryPosition; }
  public void setSignatoryPosition(String signatoryPosition) { this.signatoryPosition = signatoryPosition; }
  public String getStatusPageUrl() { return statusPageUrl; }
  public void setStatusPageUrl(String statusPageUrl) { this.statusPageUrl = statusPageUrl; }
}
