package th.go.integritydesk.web;

/** No case with this tracking number and receipt code (either may be wrong; we do not say which). */
public class CaseNotFound extends RuntimeException {
  public CaseNotFound() {
    super("no case with this tracking number and receipt code");
  }
}
