package org.fcr.scoring.domain;

/** The person or department a penalty is recorded for. */
public record Subject(SubjectType type, String id, String name, String department) {

    public static Subject person(String id, String name, String department) {
        return new Subject(SubjectType.PERSON, id, name == null ? id : name, department);
    }

    public static Subject department(String code) {
        return new Subject(SubjectType.DEPARTMENT, code, code, code);
    }

    public static Subject of(Person person) {
        return person(person.id(), person.name(), person.department());
    }
}
