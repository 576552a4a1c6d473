package th.go.integritydesk.casefile;

import java.util.Locale;
import org.springframework.ui.Model;
import th.go.integritydesk.web.StaffUser;

/**
 * A part of the case-file page that another package owns (the letters): it adds what its part of the template shows,
 * for a reader the page has already let in under {@link NeedToKnow}. It must show no identity of the complainant.
 */
public interface CaseFileSection {

  void addTo(StaffUser user, String trackingNumber, Model model, Locale locale);
}
