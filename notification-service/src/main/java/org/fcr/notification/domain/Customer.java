package org.fcr.notification.domain;

/** The customer as the request carries them; the phone is reached only by the SMS channel. */
public record Customer(String name, String unit, String phone, String email) {

    public static Customer none() {
        return new Customer(null, null, null, null);
    }
}
