package th.go.integritydesk.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The directory settings that would open sign-in to anyone are refused before the application starts. */
class DirectorySignInSettingsTest {

  private static DirectorySignIn.DirectoryIdentityProvider complete() {
    DirectorySignIn.DirectoryIdentityProvider provider = new DirectorySignIn.DirectoryIdentityProvider();
    provider.setServerUrl("ldaps://ldap.ministry.example:636");
    provider.setBaseDn("dc=ministry,dc=example");
    provider.setManagerDn("cn=integrity-desk,ou=services,dc=ministry,dc=example");
    provider.setManagerPassword("service-account-password");
    provider.setGroupTypeAttribute("businessCategory");
    return provider;
  }

  @Test
  void completeSettingsStart() {
    assertThatCode(() -> complete().afterPropertiesSet()).doesNotThrowAnyException();
  }

  @Test
  void anonymousLoginIsRefused() {
    DirectorySignIn.DirectoryIdentityProvider provider = complete();
    provider.setAllowAnonymousLogin(true);
    assertThatThrownBy(provider::afterPropertiesSet).hasMessageContaining("allow-anonymous-login");
  }

  @Test
  void untrustedCertificatesAndAMissingServiceAccountAreRefused() {
    DirectorySignIn.DirectoryIdentityProvider untrusted = complete();
    untrusted.setAcceptUntrustedCertificates(true);
    assertThatThrownBy(untrusted::afterPropertiesSet).hasMessageContaining("accept-untrusted-certificates");
    DirectorySignIn.DirectoryIdentityProvider noPassword = complete();
    noPassword.setManagerPassword("");
    assertThatThrownBy(noPassword::afterPropertiesSet).hasMessageContaining("manager-password");
  }
}
