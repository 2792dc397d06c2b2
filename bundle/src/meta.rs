//! Typed article metadata, from the `<properties ... />` header.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Everything the `<properties ... />` header says about an article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Metadata {
    pub article_id: String,
    pub page_title: String,
    pub description: String,
    pub service: String,
    pub resource: String,
    pub authors: Vec<String>,
    pub ms_author: String,
    /// Sort key among sibling articles; `None` when the header leaves it empty.
    pub display_order: Option<i64>,
    pub self_help_type: SelfHelpType,
    pub support_topic_ids: Vec<String>,
    pub resource_tags: Vec<String>,
    pub product_pes_ids: Vec<String>,
    pub cloud_environments: Vec<Cloud>,
    /// Attributes the compiler does not model, kept verbatim (name as written, value).
    pub extra: BTreeMap<String, String>,
}

/// The kind of article, from `selfHelpType` (case-insensitive in the source).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SelfHelpType {
    #[default]
    Generic,
    Resource,
    ProblemScopingQuestions,
    TsgContent,
    TsgQuestions,
    TsgDescription,
    Diagnostics,
    Rca,
    ServiceHealthInsights,
    Apollo,
    AdvisorRecommendationMetadata,
    SupportTopicDescription,
    DiagnoseAndSolve,
    Tools,
    PartnerCenterQuickstart,
    /// A type this version does not know, as written.
    Other(String),
}

impl SelfHelpType {
    /// Parses a `selfHelpType` value, ignoring case and surrounding space.
    pub fn parse(value: &str) -> Self {
        match value.trim().to_ascii_lowercase().as_str() {
            "generic" | "" => Self::Generic,
            "resource" => Self::Resource,
            "problemscopingquestions" => Self::ProblemScopingQuestions,
            "tsg_content" => Self::TsgContent,
            "tsg_questions" => Self::TsgQuestions,
            "tsg_description" => Self::TsgDescription,
            "diagnostics" => Self::Diagnostics,
            "rca" => Self::Rca,
            "servicehealthinsights" => Self::ServiceHealthInsights,
            "apollo" => Self::Apollo,
            "advisorrecommendationmetadata" => Self::AdvisorRecommendationMetadata,
            "supporttopicdescription" => Self::SupportTopicDescription,
            "diagnoseandsolve" => Self::DiagnoseAndSolve,
            "tools" => Self::Tools,
            "partnercenterquickstart" => Self::PartnerCenterQuickstart,
            _ => Self::Other(value.trim().to_string()),
        }
    }
}

/// A cloud an article applies to, from `cloudEnvironments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cloud {
    Public,
    /// US Government (Fairfax).
    UsGovernment,
    /// Azure China (Mooncake).
    China,
    /// Azure Germany (Black Forest).
    Germany,
    UsNat,
    UsSec,
    /// A name this version does not know, as written.
    Other(String),
}

impl Cloud {
    /// Parses one cloud name in any of its usual spellings.
    pub fn parse(value: &str) -> Self {
        // The letters and digits, lower-cased, in a buffer (every known spelling fits;
        // headers name clouds often enough that allocating here showed in profiles).
        let mut buffer = [0u8; 32];
        let mut len = 0;
        for byte in value.bytes().filter(u8::is_ascii_alphanumeric) {
            match buffer.get_mut(len) {
                Some(slot) => *slot = byte.to_ascii_lowercase(),
                None => return Self::Other(value.trim().to_string()),
            }
            len += 1;
        }
        let key = std::str::from_utf8(buffer.get(..len).unwrap_or(&[])).unwrap_or("");
        match key {
            "public" | "publiccloud" | "azurecloud" | "azurepubliccloud" | "azure" | "global"
            | "prod" | "commercial" => Self::Public,
            "fairfax"
            | "usgov"
            | "usgovcloud"
            | "usgovernment"
            | "azureusgovernment"
            | "azureusgovernmentcloud"
            | "government" => Self::UsGovernment,
            "mooncake" | "china" | "chinacloud" | "azurechina" | "azurechinacloud" => Self::China,
            "blackforest" | "germany" | "germancloud" | "azuregermany" | "azuregermancloud" => {
                Self::Germany
            }
            "usnat" | "usnatcloud" | "azureusnat" => Self::UsNat,
            "ussec" | "usseccloud" | "azureussec" => Self::UsSec,
            _ => Self::Other(value.trim().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cloud_spelling_of_the_corpus_maps() {
        for (spelling, cloud) in [
            ("public", Cloud::Public),
            ("Public", Cloud::Public),
            ("AzureCloud", Cloud::Public),
            ("fairfax", Cloud::UsGovernment),
            ("Fairfax", Cloud::UsGovernment),
            ("FairFax", Cloud::UsGovernment),
            ("mooncake", Cloud::China),
            ("MoonCake", Cloud::China),
            ("Mooncake", Cloud::China),
            ("moonCake", Cloud::China),
            ("MOONCAKE", Cloud::China),
            ("blackforest", Cloud::Germany),
            ("BlackForest", Cloud::Germany),
            ("blackForest", Cloud::Germany),
            ("Blackforest", Cloud::Germany),
            ("ussec", Cloud::UsSec),
            ("USSEC", Cloud::UsSec),
            ("USSec", Cloud::UsSec),
            ("Ussec", Cloud::UsSec),
            ("UsSec", Cloud::UsSec),
            ("USsec", Cloud::UsSec),
            ("usnat", Cloud::UsNat),
            ("USNAT", Cloud::UsNat),
            ("USNat", Cloud::UsNat),
            ("Usnat", Cloud::UsNat),
            ("UsNat", Cloud::UsNat),
            (" US Gov ", Cloud::UsGovernment),
            ("Azure China Cloud", Cloud::China),
        ] {
            assert_eq!(Cloud::parse(spelling), cloud, "{spelling}");
        }
        assert_eq!(Cloud::parse(" Mars "), Cloud::Other("Mars".into()));
    }
}
