/**
 * A runnable host application that embeds crmkit (example code, not API): {@link org.crmkit.examples.Main} wires
 * {@code Crm} on the in-memory default, or on MySQL through {@code MyBatisCrmPersistence} when
 * {@code CRM_JDBC_URL} is set, and runs {@link org.crmkit.examples.StaffScenario} (administrator, departments,
 * staff, logins, a refusal, the access log), then {@link org.crmkit.examples.CustomerScenario} as the CRM manager
 * who logged in, then {@link org.crmkit.examples.SalesScenario} (catalog, purchases, a return, purchase histories),
 * then {@link org.crmkit.examples.LoyaltyScenario} (points and their explanations, a redemption and its retry, a
 * refusal, a claw-back, the tier, an adjustment, a CSV sales import run twice), then
 * {@link org.crmkit.examples.FeedbackScenario} (a rating, a duplicate refused, feedback recorded on the phone, the
 * unanswered queue, responses, the customer's view, a product's statistics), each printing a transcript of the use
 * cases as a host would call them.
 */
package org.crmkit.examples;
