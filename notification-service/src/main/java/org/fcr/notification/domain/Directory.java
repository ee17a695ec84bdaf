package org.fcr.notification.domain;

import java.util.List;
import java.util.Optional;

/** Where recipients and their addresses come from (staff directory and configuration). */
public interface Directory {

    Optional<Person> staff(String id);

    /** Who staffs the desk (客服前台) and shares its chase duty. */
    List<String> desk();

    /** The head of a department; the default supervisor when the department is unknown or has none. */
    Optional<String> supervisorOf(String department);

    Optional<String> officeManager();

    /** The chat robot of a department's group (else the default group), if any is configured. */
    Optional<Group> robotFor(String department);

    String customerLocale();

    record Group(String id, String url) {
    }
}
