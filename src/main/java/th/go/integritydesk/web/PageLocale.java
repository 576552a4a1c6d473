package th.go.integritydesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of a response. Pages (server-rendered, for people): Thai unless the reader chose English with
 * {@code ?lang=en}, remembered in a cookie, so the switch works without JavaScript. The JSON API (for programs) keeps
 * {@code Accept-Language}, English by default, as its problem messages always did.
 */
@Configuration
public class PageLocale implements WebMvcConfigurer {

  public static final Locale THAI = Locale.forLanguageTag("th");
  public static final String PARAMETER = "lang";
  static final String COOKIE = "lang";

  private final boolean secureCookies;

  public PageLocale(@Value("${integrity-desk.security.secure-cookies:false}") boolean secureCookies) {
    this.secureCookies = secureCookies;
  }

  @Bean
  public LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
    api.setSupportedLocales(List.of(Locale.ENGLISH, THAI));
    api.setDefaultLocale(Locale.ENGLISH);
    CookieLocaleResolver pages = new CookieLocaleResolver(COOKIE);
    pages.setDefaultLocale(THAI);
    pages.setCookieMaxAge(Duration.ofDays(365));
    pages.setCookieHttpOnly(true);
    pages.setCookieSameSite("Strict");
    pages.setCookieSecure(secureCookies);
    return new ByAudience(api, pages);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
          throws ServletException {
        String wanted = request.getParameter(PARAMETER);
        // only the two languages of the site; anything else is ignored, never stored
        if (wanted != null && (wanted.equals("th") || wanted.equals("en"))) {
          return super.preHandle(request, response, handler);
        }
        return true;
      }
    };
    change.setParamName(PARAMETER);
    registry.addInterceptor(change).excludePathPatterns("/api/**", "/engine-rest/**", "/camunda/**");
  }

  /** Programs under /api get Accept-Language; people on pages get the cookie (Thai first). */
  static final class ByAudience implements LocaleResolver {
    private final LocaleResolver api;
    private final LocaleResolver pages;

    ByAudience(LocaleResolver api, LocaleResolver pages) {
      this.api = api;
      this.pages = pages;
    }

    private LocaleResolver of(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/v3/") ? api : pages;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      Locale locale = of(request).resolveLocale(request);
      return locale.getLanguage().equals("en") ? Locale.ENGLISH : THAI;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      of(request).setLocale(request, response, locale);
    }
  }
}
