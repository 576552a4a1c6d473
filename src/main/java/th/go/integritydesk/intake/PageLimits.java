package th.go.integritydesk.intake;

import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The limits the pages show and enforce in the browser (maxlength, file count and size), read from where they are
 * declared once: the Bean Validation annotations of the submission types and the evidence settings.
 */
@Component
public class PageLimits {

  private final Map<String, Integer> max;
  private final EvidenceFiles evidence;

  public PageLimits(EvidenceFiles evidence) {
    this.evidence = evidence;
    Map<String, Integer> sizes = new HashMap<>();
    collect("", ComplaintSubmission.class, sizes);
    collect("", ComplaintIntakeController.Reply.class, sizes);
    this.max = Map.copyOf(sizes);
  }

  private static void collect(String prefix, Class<?> type, Map<String, Integer> into) {
    for (RecordComponent component : type.getRecordComponents()) {
      Size size = component.getAccessor().getAnnotation(Size.class);
      if (size == null) {
        size = fieldAnnotation(type, component.getName());
      }
      if (size != null) {
        into.put(prefix + component.getName(), size.max());
      }
      if (component.getType().isRecord()) {
        collect(prefix + component.getName() + ".", component.getType(), into);
      }
    }
  }

  private static Size fieldAnnotation(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name).getAnnotation(Size.class);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** Maximum length per field path ({@code subject}, {@code accused.unit}, {@code text}). */
  public Map<String, Integer> getMax() { return max; }
  public int getMaxFiles() { return evidence.getMaxFiles(); }
  public long getMaxFileBytes() { return evidence.getMaxFileSize().toBytes(); }
  public long getMaxFileMegabytes() { return evidence.getMaxFileSize().toMegabytes(); }
}
