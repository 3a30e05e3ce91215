/**
 * The goals of the employment plan (Beskæftigelsesplan): kept in versions per area and year, each measuring a
 * target group's or a table's figure, and evaluated as met, not-met or not-yet-known by plain-Java rules, with a
 * Danish sentence whose numbers are computed.
 */
package dk.noegletal.goal;
