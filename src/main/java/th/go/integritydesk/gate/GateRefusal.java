package th.go.integritydesk.gate;

import java.util.List;

/** A request the gate does not let through: status, problem type, message key with its arguments, bad fields. */
final class GateRefusal extends RuntimeException {

  record BadField(String field, String message) {}

  final int status;
  final String type;
  final String messageKey;
  final transient Object[] arguments;
  final transient List<BadField> fields;

  GateRefusal(int status, String type, String messageKey, List<BadField> fields, Object... arguments) {
    super(messageKey, null, false, false);
    this.status = status;
    this.type = type;
    this.messageKey = messageKey;
    this.arguments = arguments;
    this.fields = fields;
  }

  static GateRefusal forbidden(String messageKey, Object... arguments) {
    return new GateRefusal(403, "engine-operation-not-allowed", messageKey, List.of(), arguments);
  }

  static GateRefusal forbiddenField(String field, String messageKey, Object... arguments) {
    return new GateRefusal(403, "engine-operation-not-allowed", messageKey, List.of(new BadField(field, null)), arguments);
  }

  static GateRefusal invalid(List<BadField> fields) {
    return new GateRefusal(400, "invalid-input", "gate.variables.detail", fields,
        String.join(", ", fields.stream().map(BadField::field).toList()));
  }
}
