package th.go.integritydesk.reporting;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What the ITA publications need from configuration ({@code integrity-desk.ita.*}): the item numbers, which change
 * every assessment year ({@code items.2569.statistics: O19}), and the responsible unit's name and contacts.
 */
@Component
@ConfigurationProperties(prefix = "integrity-desk.ita")
public class ItaSettings {

  public static final String STATISTICS = "statistics";
  public static final String MANUAL = "manual";
  public static final String ONLINE_CHANNEL = "online-channel";

  /** Fiscal year (พ.ศ.) → publication (statistics, manual, online-channel) → item number. */
  private Map<String, Map<String, String>> items = new HashMap<>();
  private Unit unit = new Unit();

  public Optional<String> item(int fiscalYear, String publication) {
    return Optional.ofNullable(items.getOrDefault(String.valueOf(fiscalYear), Map.of()).get(publication))
        .filter(s -> !s.isBlank());
  }

  public Map<String, Map<String, String>> getItems() { return items; }
  public void setItems(Map<String, Map<String, String>> items) { this.items = items; }
  public Unit getUnit() { return unit; }
  public void setUnit(Unit unit) { this.unit = unit; }

  /** The unit responsible for corruption complaints, as the manual names it (Thai, and English where given). */
  public static class Unit {
    private String name = "";
    private String nameEn = "";
    private String address = "";
    private String addressEn = "";
    private String phone = "";
    private String email = "";
    private String hours = "";
    private String hoursEn = "";
    private String website = "";

    public String name(boolean thai) { return thai || nameEn.isBlank() ? name : nameEn; }
    public String address(boolean thai) { return thai || addressEn.isBlank() ? address : addressEn; }
    public String hours(boolean thai) { return thai || hoursEn.isBlank() ? hours : hoursEn; }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getAddressEn() { return addressEn; }
    public void setAddressEn(String addressEn) { this.addressEn = addressEn; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getHours() { return hours; }
    public void setHours(String hours) { this.hours = hours; }
    public String getHoursEn() { return hoursEn; }
    public void setHoursEn(String hoursEn) { this.hoursEn = hoursEn; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
  }
}
