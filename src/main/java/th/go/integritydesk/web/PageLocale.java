package th.go.integritydesk.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a request. Our server-rendered pages are Thai first: {@code ?lang=en} switches to English and a
 * cookie remembers the choice. The JSON API keeps answering in the language of Accept-Language (problem messages).
 */
@Configuration
public class PageLocale implements WebMvcConfigurer {

  public static final String PARAMETER = "lang";
  static final String COOKIE = "lang";
  /** The server-rendered pages (everything else keeps Accept-Language). */
  public static final List<String> PAGES = List.of("/statistics", "/manual", "/staff/reports");
  private static final Locale THAI = Locale.forLanguageTag("th");

  @Bean
  public LocaleResolver localeResolver(@Value("${spring.web.locale:en}") Locale apiDefault) {
    AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
    api.setDefaultLocale(apiDefault);
    return new LocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        if (!isPage(request)) {
          return api.resolveLocale(request);
        }
        Locale chosen = chosen(request.getParameter(PARAMETER));
        if (chosen == null && request.getCookies() != null) {
          for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
              chosen = chosen(cookie.getValue());
            }
          }
        }
        return chosen != null ? chosen : THAI;
      }

      @Override
      public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is chosen with ?lang=");
      }
    };
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Locale chosen = chosen(request.getParameter(PARAMETER));
        if (chosen != null) {
          response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen.getLanguage()).path("/")
              .maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build().toString());
        }
        return true;
      }
    }).addPathPatterns(PAGES);
  }

  private static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return PAGES.contains(path);
  }

  private static Locale chosen(String value) {
    if ("th".equals(value)) {
      return THAI;
    }
    return "en".equals(value) ? Locale.ENGLISH : null;
  }
}
