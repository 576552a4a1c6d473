package th.go.integritydesk.identity;

import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/**
 * Sign-in with the ministry's directory (profile {@code ldap}): Camunda's LDAP identity provider replaces the engine's
 * own user tables, so officers sign in to Tasklist, Cockpit, Admin and the REST API with their directory account.
 * Users, groups and memberships are read from the directory and read-only here; authorizations stay in the engine's
 * database. Every setting of the plugin binds from {@code integrity-desk.ldap.*} (config/application-ldap.yaml,
 * overridable by environment). Directory groups carry our group ids (DESIGN.md); an officer's unit is a directory group
 * whose type attribute says {@value Groups#UNIT_TYPE} (README, "Sign-in with the ministry's directory").
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
public class DirectorySignIn {

  @Bean
  @Order(5)
  @ConfigurationProperties("integrity-desk.ldap")
  DirectoryIdentityProvider directoryIdentityProvider() {
    return new DirectoryIdentityProvider();
  }

  /** The plugin, refusing to start without the settings it cannot work without (checked after binding). */
  static class DirectoryIdentityProvider extends LdapIdentityProviderPlugin implements InitializingBean {

    @Override
    public void afterPropertiesSet() {
      require(getServerUrl(), "server-url", "INTEGRITY_DESK_LDAP_URL");
      require(getBaseDn(), "base-dn", "INTEGRITY_DESK_LDAP_BASE_DN");
      // with it the plugin binds with an empty password, which most directories accept as an unauthenticated bind:
      // anyone could sign in as any officer without a password
      if (isAllowAnonymousLogin()) {
        throw new IllegalStateException("integrity-desk.ldap.allow-anonymous-login would let anyone sign in as any"
            + " officer with an empty password: it is refused");
      }
      require(getManagerDn(), "manager-dn", "INTEGRITY_DESK_LDAP_MANAGER_DN");
      require(getManagerPassword(), "manager-password", "INTEGRITY_DESK_LDAP_MANAGER_PASSWORD");
      // without a type attribute no group is a unit and segregation of duties refuses every investigator
      require(getGroupTypeAttribute(), "group-type-attribute", "INTEGRITY_DESK_LDAP_GROUP_TYPE_ATTRIBUTE");
      if (isAcceptUntrustedCertificates()) {
        throw new IllegalStateException("integrity-desk.ldap.accept-untrusted-certificates would accept any server"
            + " certificate for the directory: import the directory's CA into the JVM's trust store instead");
      }
    }

    private static void require(String value, String property, String environment) {
      if (value == null || value.isBlank()) {
        throw new IllegalStateException("The ldap profile needs integrity-desk.ldap." + property + " (environment "
            + environment + "): see README, \"Sign-in with the ministry's directory (LDAP)\"");
      }
    }
  }
}
