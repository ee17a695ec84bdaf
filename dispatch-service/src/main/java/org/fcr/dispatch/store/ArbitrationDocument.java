package org.fcr.dispatch.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A ping-pong waiting for (or settled by) a manager, keyed by request id. Kept apart from the
 * routing state so the manager's list reads a small collection, never all requests.
 */
@Document("arbitrations")
public record ArbitrationDocument(String id, Instant requestedAt, String category, String description,
                                  List<String> departmentsInvolved, List<String> returnedBy, int returnCount,
                                  String lastDepartment, boolean decided, String decidedDepartment,
                                  List<String> wrongDepartments, String decidedBy, Instant decidedAt) {
}
