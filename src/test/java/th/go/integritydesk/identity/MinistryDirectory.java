package th.go.integritydesk.identity;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A real LDAP server inside the test JVM (UnboundID's in-memory directory, standard schema enforced) holding the
 * ministry's officers, staff groups and units of {@code directory/ministry.ldif}, on a free port of loopback.
 */
public final class MinistryDirectory implements AutoCloseable {

  public static final String BASE_DN = "dc=ministry,dc=example,dc=go,dc=th";
  static final String MANAGER_DN = "cn=integrity-desk,ou=services," + BASE_DN;
  static final String MANAGER_PASSWORD = "manager-secret";

  private final InMemoryDirectoryServer server;

  private MinistryDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  public static MinistryDirectory start() {
    try (InputStream ldif = MinistryDirectory.class.getResourceAsStream("/directory/ministry.ldif")) {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
          java.net.InetAddress.getLoopbackAddress(), 0, null));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.importFromLDIF(true, new com.unboundid.ldif.LDIFReader(ldif));
      server.startListening();
      return new MinistryDirectory(server);
    } catch (LDAPException | IOException e) {
      throw new IllegalStateException("The test directory did not start", e);
    }
  }

  /** The officer's password in the LDIF. */
  public static String password(String uid) {
    return "Directory-" + uid;
  }

  public String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  /** The ldap profile's settings for this directory, as an operator would give them in the environment. */
  public Map<String, Object> properties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("integrity-desk.ldap.server-url", url());
    properties.put("integrity-desk.ldap.base-dn", BASE_DN);
    properties.put("integrity-desk.ldap.manager-dn", MANAGER_DN);
    properties.put("integrity-desk.ldap.manager-password", MANAGER_PASSWORD);
    return properties;
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
