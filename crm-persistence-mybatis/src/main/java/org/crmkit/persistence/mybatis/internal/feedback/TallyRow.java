package org.crmkit.persistence.mybatis.internal.feedback;

/** One group of the ratings tally: a rating, how many gave it, how many of those are unanswered. */
record TallyRow(int rating, long count, long unanswered) {
}
