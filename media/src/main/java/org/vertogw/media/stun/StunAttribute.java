package org.vertogw.media.stun;

/** One attribute as found on the wire: its type, where its value starts in the message and how long it is. */
public record StunAttribute(int type, int valueOffset, int length) {
}
