package org.fcr.support.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fcr.events.Actor;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff who may sign in, from configuration ({@code fcr.security.users}). The embedded default
 * ships demo users whose password comes from {@code FCR_DEMO_PASSWORD} (set by the launcher), so no
 * password is kept in the repository; production points at a JWT issuer instead.
 */
@ConfigurationProperties("fcr.security")
public class StaffDirectory {

    /** Password of every demo user; empty disables them. */
    private String demoPassword = "";
    private List<StaffMember> users = new ArrayList<>();

    public String getDemoPassword() {
        return demoPassword;
    }

    public void setDemoPassword(String demoPassword) {
        this.demoPassword = demoPassword;
    }

    public List<StaffMember> getUsers() {
        return users;
    }

    public void setUsers(List<StaffMember> users) {
        this.users = users;
    }

    public Optional<StaffMember> find(String username) {
        return users.stream().filter(u -> u.getUsername().equals(username)).findFirst();
    }

    /** The signature of a signed-in user on an event; unknown users (JWT) sign with their subject. */
    public Actor actorFor(String username, List<String> roles) {
        return find(username).map(StaffMember::toActor).orElseGet(() -> Actor.newBuilder()
                .setEmployeeId(username)
                .setName(username)
                .setRole(roles.isEmpty() ? null : roles.get(0))
                .build());
    }

    public static class StaffMember {
        private String username;
        private String name;
        private String department;
        private List<Role> roles = new ArrayList<>();
        /** Higher rank wins first responsibility when several staff were asked together. */
        private int rank;
        private String email;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDepartment() { return department; }
        public void setDepartment(String department) { this.department = department; }
        public List<Role> getRoles() { return roles; }
        public void setRoles(List<Role> roles) { this.roles = roles; }
        public int getRank() { return rank; }
        public void setRank(int rank) { this.rank = rank; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }

        public Actor toActor() {
            return Actor.newBuilder()
                    .setEmployeeId(username)
                    .setName(name == null ? username : name)
                    .setDepartment(department)
                    .setRole(roles.isEmpty() ? null : roles.get(0).name())
                    .setRank(rank)
                    .build();
        }
    }
}
