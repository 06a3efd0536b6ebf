package org.ethnicunity.platform.registry;

/** 创建主体: an organisation or area taking part, with the contact person who acts for it. */
public record Unit(Long id, String name, UnitType unitType, String regionCode,
                   String contactUser, String contactName, String contactEmail) {
}
