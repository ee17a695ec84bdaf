package org.fcr.notification.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcr.notification.domain.Directory;
import org.fcr.notification.domain.Person;

/** The demo staff, with robots for engineering and a default group; admin reads English. */
public class FakeDirectory implements Directory {

    private static final Map<String, Person> STAFF = Map.of(
            "desk01", new Person("desk01", "王芳", "customer-service", "desk01@fcr.local", null),
            "desk02", new Person("desk02", "赵丽", "customer-service", "desk02@fcr.local", null),
            "staff01", new Person("staff01", "张伟", "security", "staff01@fcr.local", null),
            "eng01", new Person("eng01", "刘强", "engineering", "eng01@fcr.local", null),
            "sup01", new Person("sup01", "周主管", "engineering", "sup01@fcr.local", null),
            "mgr01", new Person("mgr01", "吴主任", "administration", "mgr01@fcr.local", null),
            "admin", new Person("admin", "Admin", "administration", "admin@fcr.local", "en"));

    @Override
    public Optional<Person> staff(String id) {
        return Optional.ofNullable(STAFF.get(id));
    }

    @Override
    public List<String> desk() {
        return List.of("desk01", "desk02");
    }

    @Override
    public Optional<String> supervisorOf(String department) {
        return Optional.of("sup01");
    }

    @Override
    public Optional<String> officeManager() {
        return Optional.of("mgr01");
    }

    @Override
    public Optional<Group> robotFor(String department) {
        return "engineering".equals(department)
                ? Optional.of(new Group("robot:engineering", "http://robot/engineering"))
                : Optional.of(new Group("robot:default", "http://robot/default"));
    }

    @Override
    public String customerLocale() {
        return "zh-CN";
    }
}
