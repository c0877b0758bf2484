package org.portzero.suites.verdict;

import org.portzero.model.NetworkStack;
import org.portzero.model.PlatformFacts;

/**
 * When a known deviation applies, as conditions on platform facts; every condition given must hold.
 *
 * @param kernel     a version range on Linux's {@code uname -r}, e.g. {@code ">=6.1 <6.3"}; never holds on
 *                   another stack (gVisor answers {@code uname} with 4.4.0, which is no Linux release's behaviour)
 * @param jdk        a version range on {@code java.version}, e.g. {@code "<21"}
 * @param bindv6only the value of {@code net.ipv6.bindv6only}
 * @param ipv6       whether IPv6 is usable on the platform
 * @param distro     a substring of the distribution's pretty name
 * @param stack      whose TCP/IP stack served the sockets ({@link NetworkStack#id()}: {@code linux}, {@code gvisor})
 */
public record Condition(String kernel, String jdk, Integer bindv6only, Boolean ipv6, String distro, NetworkStack stack) {

    public Condition {
        if (kernel != null) {
            VersionRange.parse(kernel);
        }
        if (jdk != null) {
            VersionRange.parse(jdk);
        }
        if (bindv6only != null && bindv6only != 0 && bindv6only != 1) {
            throw new IllegalArgumentException("bindv6only must be 0 or 1, was " + bindv6only);
        }
    }

    public static Condition always() {
        return new Condition(null, null, null, null, null, null);
    }

    public boolean holdsOn(PlatformFacts facts) {
        return (kernel == null || facts.stack() == NetworkStack.LINUX && VersionRange.parse(kernel).contains(facts.kernel()))
                && (jdk == null || VersionRange.parse(jdk).contains(facts.javaVersion()))
                && (bindv6only == null || bindv6only.equals(facts.bindV6Only()))
                && (ipv6 == null || ipv6 == facts.ipv6Usable())
                && (distro == null || facts.distro().contains(distro))
                && (stack == null || stack == facts.stack());
    }
}
