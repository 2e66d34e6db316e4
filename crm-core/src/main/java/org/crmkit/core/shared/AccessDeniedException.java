package org.crmkit.core.shared;

import java.util.UUID;

/** The actor may not perform this use case on this object. Code {@code access_denied}. */
public final class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient Actor actor;
    private final Permission permission;
    private final String action;
    private final String targetType;
    private final UUID targetId;

    /**
     * @param actor      who asked (described by type and id only)
     * @param permission what was asked for
     * @param action     the use case's audited action name
     * @param targetType the kind of target
     * @param targetId   the target's id, or {@code null}
     */
    public AccessDeniedException(Actor actor, Permission permission, String action, String targetType,
                                 UUID targetId) {
        super(CrmError.ACCESS_DENIED, actor.describe() + " may not " + permission.name()
                + (targetId == null ? "" : " on " + targetType + " " + targetId));
        this.actor = actor;
        this.permission = permission;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
    }

    /** @return the refused actor */
    public Actor actor() {
        return actor;
    }

    /** @return the permission that was missing */
    public Permission permission() {
        return permission;
    }

    /** @return the audited action name of the refused use case */
    public String action() {
        return action;
    }

    /** @return the kind of target */
    public String targetType() {
        return targetType;
    }

    /** @return the target's id, or {@code null} */
    public UUID targetId() {
        return targetId;
    }
}
