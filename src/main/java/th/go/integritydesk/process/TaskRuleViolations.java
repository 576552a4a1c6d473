package th.go.integritydesk.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws into a generic engine error (HTTP 500). Our listeners refuse bad
 * input and segregation-of-duties conflicts on purpose, so the engine REST API answers those as what they are:
 * 400 naming the field, or 403 with the reason. Every other error keeps Camunda's own answer.
 */
@Component
public class TaskRuleViolations implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RestExceptions.class);
    config.register(EngineExceptions.class);
  }

  static Response toResponse(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof DutyConflictException conflict) {
        return json(Response.Status.FORBIDDEN, "AuthorizationException", conflict.getMessage(), null);
      }
      if (cause instanceof FormFieldValidationException invalid) {
        return json(Response.Status.BAD_REQUEST, "FormFieldValidationException", invalid.getMessage(),
            invalid.getDetail() == null ? null : invalid.getDetail().toString());
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(thrown);
  }

  private static Response json(Response.Status status, String type, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return TaskRuleViolations.toResponse(e);
    }
  }

  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return TaskRuleViolations.toResponse(e);
    }
  }
}
