package th.go.integritydesk.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our HTTP API as {@code application/problem+json} (RFC 9457): a title and detail in the caller's
 * language (Accept-Language: th or en) and, for bad input, {@code errors}: one entry per bad field, named by its
 * JSON path (e.g. {@code accused.unit}). Bad input is a 4xx, never a 500.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

  public record FieldProblem(String field, String message) {}

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  private static final String TYPE_BASE = "https://integrity-desk.go.th/problems/";
  private final MessageSource messages;

  public Problems(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      errors.add(new FieldProblem(error.getField(), messages.getMessage(error, locale())));
    }
    e.getBindingResult().getGlobalErrors().forEach(error ->
        errors.add(new FieldProblem(error.getObjectName(), messages.getMessage(error, locale()))));
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
        errors.add(new FieldProblem(result.getMethodParameter().getParameterName(), messages.getMessage(error, locale())))));
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return invalid(List.of(new FieldProblem(path(unknown), text("json.unknownField"))));
    }
    if (cause instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
      return invalid(List.of(new FieldProblem(path(format), text("json.enum", allowed))));
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String type = mismatch.getTargetType() == null ? "Object" : mismatch.getTargetType().getSimpleName();
      String message = messages.getMessage("json.type." + type, null, null, locale());
      return invalid(List.of(new FieldProblem(path(mismatch), message != null ? message : text("json.type.Object"))));
    }
    return problem(HttpStatus.BAD_REQUEST, "malformed", text("problem.malformed.title"), text("json.malformed"), null, null);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", text("problem.mediaType.title"),
        text("problem.mediaType.detail", e.getSupportedMediaTypes()), null, null);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(List.of(new FieldProblem(e.getRequestPartName(), text("NotNull"))));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", text("problem.tooLarge.title"),
        text("problem.tooLarge.detail"), List.of(new FieldProblem("evidence", text("problem.tooLarge.detail"))), null);
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Object> invalidInput(InvalidInputException e) {
    return invalid(List.of(new FieldProblem(e.field(), text(e.messageKey(), e.arguments()))));
  }

  @ExceptionHandler(CaseNotFound.class)
  ResponseEntity<Object> notFound(CaseNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "case-not-found", text("problem.notFound.title"), text("problem.notFound.detail"),
        null, null);
  }

  @ExceptionHandler(TooManyAttempts.class)
  ResponseEntity<Object> tooMany(TooManyAttempts e) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
    return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", text("problem.tooMany.title"),
        text("problem.tooMany.detail", Math.max(1, (e.retryAfter().toSeconds() + 59) / 60)), null, headers);
  }

  @ExceptionHandler(PublicReadLimit.TooManyRequests.class)
  ResponseEntity<Object> tooManyRequests(PublicReadLimit.TooManyRequests e) {
    HttpHeaders headers = new HttpHeaders();
    long seconds = Math.max(1, e.retryAfter().toSeconds());
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", text("problem.rateLimited.title"),
        text("problem.rateLimited.detail", seconds), null, headers);
  }

  @ExceptionHandler(IdempotencyConflict.class)
  ResponseEntity<Object> idempotencyConflict(IdempotencyConflict e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", text("problem.idempotency.title"),
        text("problem.idempotency.detail"), List.of(new FieldProblem("Idempotency-Key", text("problem.idempotency.detail"))), null);
  }

  @ExceptionHandler(CaseStateConflict.class)
  ResponseEntity<Object> stateConflict(CaseStateConflict e) {
    return problem(HttpStatus.CONFLICT, "case-state-conflict", text("problem.conflict.title"), text(e.messageKey()),
        null, null);
  }

  @ExceptionHandler(PassphraseRefused.class)
  ResponseEntity<Object> passphraseRefused(PassphraseRefused e) {
    return problem(HttpStatus.FORBIDDEN, "custodian-passphrase-refused", text("problem.forbidden.title"),
        text(e.messageKey()), List.of(new FieldProblem(e.field(), text(e.messageKey()))), null);
  }

  @ExceptionHandler(StaffAccessDenied.class)
  ResponseEntity<Object> staffAccess(StaffAccessDenied e) {
    HttpHeaders headers = new HttpHeaders();
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"integrity-desk\"");
    }
    return problem(e.status(), e.status() == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden",
        text(e.status() == HttpStatus.UNAUTHORIZED ? "problem.unauthorized.title" : "problem.forbidden.title"),
        text(e.messageKey()), null, headers);
  }

  /**
   * Anything else that escapes a handler of our API ({@code /api/}): a 500 in problem+json, in the caller's language,
   * with a short reference that is also in the log beside the stack trace; nothing of the exception reaches the
   * caller. Pages and the engine's REST API keep their own error handling; a client that went away is not answered.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) throws Exception {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/") || e instanceof AsyncRequestNotUsableException) {
      throw e;
    }
    String reference = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
    LOG.error("Unexpected error, reference {}, answering {} {}", reference, request.getMethod(), path, e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", text("problem.internal.title"),
        text("problem.internal.detail", reference), null, null);
  }

  private ResponseEntity<Object> invalid(List<FieldProblem> errors) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", text("problem.invalid.title"),
        errors.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")), errors, null);
  }

  private ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
                                         List<FieldProblem> errors, HttpHeaders extraHeaders) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    HttpHeaders headers = new HttpHeaders();
    if (extraHeaders != null) {
      headers.putAll(extraHeaders);
    }
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    headers.set(HttpHeaders.CONTENT_LANGUAGE, locale().getLanguage());
    if (status.is5xxServerError()) {
      LOG.error("{}: {}", title, detail);
    }
    return new ResponseEntity<>(problem, headers, status);
  }

  /** Errors of Spring MVC itself (unsupported method, missing header, ...) keep its problem body, in our language. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                        WebRequest request) {
    HttpHeaders withType = new HttpHeaders();
    if (headers != null) {
      withType.putAll(headers);
    }
    withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, withType, statusCode);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

}
