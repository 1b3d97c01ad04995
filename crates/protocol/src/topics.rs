//! The topic catalog: what a partner can write to support about. Ids are stable wire
//! values; the app shows labels from Fluent (`topic-<id>`, `subtopic-<topic>-<id>`).

use serde::{Deserialize, Serialize};

/// One subject a partner can pick in the first dropdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TopicId {
    RatesAvailability,
    Promotions,
    Reservations,
    Opportunities,
    GuestReviews,
    InvoicesCommission,
    Payouts,
    Statistics,
    PropertyDetails,
    Account,
}

/// A topic with its subtopics, as the catalog holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic {
    pub id: TopicId,
    /// Subtopic ids, in the order the dropdown shows them. Unique within the topic.
    pub subtopics: &'static [&'static str],
    /// Whether messages on this topic should name a reservation (confirmation number).
    pub asks_for_reservation: bool,
}

/// The ten topics of the partner help pages, in their usual order.
pub const CATALOG: &[Topic] = &[
    Topic {
        id: TopicId::RatesAvailability,
        subtopics: &["rates", "availability", "restrictions", "other"],
        asks_for_reservation: false,
    },
    Topic {
        id: TopicId::Promotions,
        subtopics: &["create_promotion", "promotion_display", "other"],
        asks_for_reservation: false,
    },
    Topic {
        id: TopicId::Reservations,
        subtopics: &["cancellations", "changes", "questions"],
        asks_for_reservation: true,
    },
    Topic {
        id: TopicId::Opportunities,
        subtopics: &["opportunity_centre", "commercial_advice", "other"],
        asks_for_reservation: false,
    },
    Topic {
        id: TopicId::GuestReviews,
        subtopics: &["guest_comment", "review_reply", "other"],
        asks_for_reservation: false,
    },
    Topic {
        id: TopicId::InvoicesCommission,
        subtopics: &["invoices", "commission", "other"],
        asks_for_reservation: false,
    },
    Topic {
        id: TopicId::Payouts,
        subtopics: &[
            "payouts",
            "payments_service",
            "virtual_cards",
            "bank_details",
        ],
        asks_for_reservation: false,
    },
    Topic {
        id: TopicId::Statistics,
        subtopics: &["analytics", "performance", "other"],
        asks_for_reservation: false,
    },
    Topic {
        id: TopicId::PropertyDetails,
        subtopics: &["star_rating", "facilities", "location", "other"],
        asks_for_reservation: false,
    },
    Topic {
        id: TopicId::Account,
        subtopics: &[
            "password",
            "contacts",
            "channel_manager",
            "devices",
            "contract_termination",
            "other",
        ],
        asks_for_reservation: false,
    },
];

/// Where a technical issue is filed, as the help pages direct: account → other.
pub const TECHNICAL_ISSUE_TOPIC: (TopicId, &str) = (TopicId::Account, "other");

impl TopicId {
    /// Every topic, in catalog order.
    pub fn all() -> impl Iterator<Item = TopicId> {
        CATALOG.iter().map(|t| t.id)
    }

    /// The catalog entry of this topic.
    pub fn topic(self) -> &'static Topic {
        // The catalog lists every variant; the test `catalog_covers_every_topic` holds it.
        CATALOG.iter().find(|t| t.id == self).unwrap_or(&CATALOG[0])
    }

    /// The stable wire id, e.g. `guest_reviews`.
    pub fn as_str(self) -> &'static str {
        match self {
            TopicId::RatesAvailability => "rates_availability",
            TopicId::Promotions => "promotions",
            TopicId::Reservations => "reservations",
            TopicId::Opportunities => "opportunities",
            TopicId::GuestReviews => "guest_reviews",
            TopicId::InvoicesCommission => "invoices_commission",
            TopicId::Payouts => "payouts",
            TopicId::Statistics => "statistics",
            TopicId::PropertyDetails => "property_details",
            TopicId::Account => "account",
        }
    }

    /// Parses a wire id; `None` for anything not in the catalog.
    pub fn from_wire(s: &str) -> Option<TopicId> {
        TopicId::all().find(|t| t.as_str() == s)
    }
}

impl Topic {
    /// Whether `subtopic` is one of this topic's subtopics.
    pub fn has_subtopic(&self, subtopic: &str) -> bool {
        self.subtopics.contains(&subtopic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_covers_every_topic_once() {
        assert_eq!(CATALOG.len(), 10);
        for topic in TopicId::all() {
            assert_eq!(topic.topic().id, topic);
            assert_eq!(CATALOG.iter().filter(|t| t.id == topic).count(), 1);
            assert_eq!(TopicId::from_wire(topic.as_str()), Some(topic));
            let json = serde_json::to_string(&topic).unwrap();
            assert_eq!(json, format!("\"{}\"", topic.as_str()));
        }
    }

    #[test]
    fn subtopics_are_unique_and_wire_safe() {
        for topic in CATALOG {
            assert!(!topic.subtopics.is_empty());
            for (i, s) in topic.subtopics.iter().enumerate() {
                assert!(s.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{s}");
                assert!(!topic.subtopics[..i].contains(s), "{s} twice");
            }
        }
    }

    #[test]
    fn technical_issues_go_to_account_other() {
        let (topic, sub) = TECHNICAL_ISSUE_TOPIC;
        assert!(topic.topic().has_subtopic(sub));
    }

    #[test]
    fn only_reservations_ask_for_a_confirmation_number() {
        let asking: Vec<_> = CATALOG
            .iter()
            .filter(|t| t.asks_for_reservation)
            .map(|t| t.id)
            .collect();
        assert_eq!(asking, vec![TopicId::Reservations]);
    }
}
