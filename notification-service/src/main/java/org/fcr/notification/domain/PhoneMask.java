package org.fcr.notification.domain;

/** Customer phone numbers are shown masked everywhere but the SMS gateway: 138****8000. */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.strip();
        int length = digits.length();
        if (length <= 4) {
            return "*".repeat(length);
        }
        // mobile numbers keep 3 + 4 (138****8000); shorter numbers keep less, never most of it
        int keepTail = length >= 8 ? 4 : 2;
        int keepHead = length >= 11 ? 3 : length >= 8 ? 2 : 0;
        return digits.substring(0, keepHead) + "*".repeat(length - keepHead - keepTail)
                + digits.substring(length - keepTail);
    }

    /** Masks an address only when it is a phone number (e-mail and URLs stay). */
    public static String maskAddress(ChannelKind channel, String address) {
        return channel == ChannelKind.SMS ? mask(address) : address;
    }
}
