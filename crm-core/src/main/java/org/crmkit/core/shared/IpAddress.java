package org.crmkit.core.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * The annotated text, when present, is an IPv4 address in dotted decimal or an IPv6 address in any of its text forms
 * (with {@code ::}, an embedded IPv4 tail, or a {@code %zone}). Checked by its text alone; nothing is looked up.
 */
@Documented
@Constraint(validatedBy = IpAddress.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface IpAddress {
    /** @return the message */
    String message() default "must be an IPv4 or IPv6 address";

    /** @return the groups */
    Class<?>[] groups() default {};

    /** @return the payload */
    Class<? extends Payload>[] payload() default {};

    /** Checks the text form of an address. */
    final class Validator implements ConstraintValidator<IpAddress, String> {
        private static final Pattern IPV4 = Pattern.compile(
                "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
        private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
        private static final Pattern ZONE = Pattern.compile("[0-9A-Za-z._-]{1,15}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isIpAddress(value);
        }

        /** @param text any text @return whether it is the text form of an IPv4 or IPv6 address */
        public static boolean isIpAddress(String text) {
            return IPV4.matcher(text).matches() || isIpv6(text);
        }

        private static boolean isIpv6(String text) {
            String address = text;
            int zone = text.indexOf('%');
            if (zone >= 0) {
                if (!ZONE.matcher(text.substring(zone + 1)).matches()) {
                    return false;
                }
                address = text.substring(0, zone);
            }
            int compressed = address.indexOf("::");
            if (compressed != address.lastIndexOf("::")) {
                return false;
            }
            String[] groups = compressed < 0 ? address.split(":", -1)
                    : (address.substring(0, compressed) + ":X:" + address.substring(compressed + 2))
                    .replaceAll("^:|:$", "").split(":", -1);
            int width = 0;
            for (int i = 0; i < groups.length; i++) {
                String group = groups[i];
                if ("X".equals(group) && compressed >= 0) {
                    continue;
                }
                if (i == groups.length - 1 && group.contains(".")) {
                    if (!IPV4.matcher(group).matches()) {
                        return false;
                    }
                    width += 2;
                } else if (HEX_GROUP.matcher(group).matches()) {
                    width++;
                } else {
                    return false;
                }
            }
            return compressed >= 0 ? width < 8 : width == 8;
        }
    }
}
