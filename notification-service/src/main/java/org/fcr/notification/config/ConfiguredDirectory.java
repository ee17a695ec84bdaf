package org.fcr.notification.config;

import java.util.List;
import java.util.Optional;

import org.fcr.notification.domain.Directory;
import org.fcr.notification.domain.Person;
import org.fcr.support.security.Role;
import org.fcr.support.security.StaffDirectory;

/** Recipients from the staff directory (names, e-mail) and {@code fcr.notification} (heads, desk, robots). */
public class ConfiguredDirectory implements Directory {

    private static final String DEFAULT_GROUP = "default";

    private final StaffDirectory staff;
    private final NotificationProperties settings;

    public ConfiguredDirectory(StaffDirectory staff, NotificationProperties settings) {
        this.staff = staff;
        this.settings = settings;
    }

    @Override
    public Optional<Person> staff(String id) {
        return staff.find(id).map(m -> new Person(m.getUsername(), m.getName() == null ? m.getUsername() : m.getName(),
                m.getDepartment(), m.getEmail(), settings.staffLocales().get(m.getUsername())));
    }

    @Override
    public List<String> desk() {
        if (!settings.desk().isEmpty()) {
            return settings.desk();
        }
        return staff.getUsers().stream().filter(u -> u.getRoles().contains(Role.DESK))
                .map(StaffDirectory.StaffMember::getUsername).toList();
    }

    @Override
    public Optional<String> supervisorOf(String department) {
        String head = department == null ? null : settings.departmentHeads().get(department);
        return Optional.ofNullable(head != null ? head : settings.defaultSupervisor()).filter(s -> !s.isBlank());
    }

    @Override
    public Optional<String> officeManager() {
        return Optional.ofNullable(settings.officeManager()).filter(s -> !s.isBlank());
    }

    @Override
    public Optional<Group> robotFor(String department) {
        var robots = settings.channels() == null || settings.channels().webhook() == null
                ? java.util.Map.<String, String>of() : settings.channels().webhook().robots();
        if (department != null && robots.containsKey(department)) {
            return Optional.of(new Group("robot:" + department, robots.get(department)));
        }
        return Optional.ofNullable(robots.get(DEFAULT_GROUP)).map(url -> new Group("robot:" + DEFAULT_GROUP, url));
    }

    @Override
    public String customerLocale() {
        return settings.customerLocale();
    }
}
