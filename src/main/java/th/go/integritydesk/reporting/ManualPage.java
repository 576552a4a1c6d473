package th.go.integritydesk.reporting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import th.go.integritydesk.intake.Channel;
import th.go.integritydesk.process.ThaiDates;

/**
 * {@code GET /manual}: the complaint-handling manual the ITA asks for, generated on every request from the deployed
 * models and the deadline settings, so it changes when an analyst deploys a new model version or a deadline changes.
 * Printable (print CSS); no PDF: see README.
 */
@Controller
class ManualPage {

  record ChannelLabel(String code, String label) {}

  private final ComplaintManual manual;
  private final Labels labels;
  private final ItaSettings ita;

  ManualPage(ComplaintManual manual, Labels labels, ItaSettings ita) {
    this.manual = manual;
    this.labels = labels;
    this.ita = ita;
  }

  @GetMapping("/manual")
  String page(Locale locale, Model model) {
    boolean thai = Labels.isThai(locale);
    int fiscalYear = ComplaintStatistics.currentFiscalYear();
    ItaSettings.Unit unit = ita.getUnit();
    model.addAttribute("manual", manual.of(locale));
    model.addAttribute("channels", channels(locale, false));
    model.addAttribute("referrals", channels(locale, true));
    model.addAttribute("letters", th.go.integritydesk.letters.LetterKind.values());
    model.addAttribute("unit", unit);
    model.addAttribute("unitName", unit.name(thai));
    model.addAttribute("unitAddress", unit.address(thai));
    model.addAttribute("unitHours", unit.hours(thai));
    model.addAttribute("fy", String.valueOf(fiscalYear));
    model.addAttribute("itaItem", ita.item(fiscalYear, ItaSettings.MANUAL).orElse(null));
    model.addAttribute("onlineItem", ita.item(fiscalYear, ItaSettings.ONLINE_CHANNEL).orElse(null));
    model.addAttribute("today", StatisticsPage.date(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
        ThaiDates.BANGKOK), locale));
    return "manual";
  }

  private List<ChannelLabel> channels(Locale locale, boolean referrals) {
    return Arrays.stream(Channel.values()).filter(c -> c.isReferral() == referrals)
        .map(c -> new ChannelLabel(c.name(), labels.text(locale, "channel." + c.name()))).toList();
  }
}
