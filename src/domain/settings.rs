//! Display settings a trainee chooses: colour theme and text size.
//!
//! Plain values with their stored spellings, so the storage layer and the interface agree on one
//! meaning for each.

use serde::{Deserialize, Serialize};

/// The colour theme: follow the device, or always light, or always dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the device's light or dark setting.
    #[default]
    System,
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

impl Theme {
    /// Every choice, in the order the settings page offers them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored spelling ("system", "light", "dark").
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The stored spelling back into a theme; anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The words on the settings page.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Match my device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// How large the text is, on top of the browser's own zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextSize {
    /// The browser's default size.
    #[default]
    Standard,
    /// A little larger (about 112%).
    Large,
    /// Larger still (about 125%).
    Larger,
}

impl TextSize {
    /// Every choice, smallest first.
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Large, TextSize::Larger];

    /// The stored spelling ("standard", "large", "larger").
    pub fn as_str(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }

    /// The stored spelling back into a size; anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The words on the settings page.
    pub fn label(self) -> &'static str {
        match self {
            TextSize::Standard => "Standard",
            TextSize::Large => "Large",
            TextSize::Larger => "Larger",
        }
    }
}

/// All display settings together, as one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DisplaySettings {
    /// The colour theme.
    pub theme: Theme,
    /// The text size.
    pub text_size: TextSize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_and_size_round_trips_through_its_stored_spelling() {
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.as_str()), Some(theme));
        }
        for size in TextSize::ALL {
            assert_eq!(TextSize::parse(size.as_str()), Some(size));
        }
    }

    #[test]
    fn unknown_spellings_are_refused_not_guessed() {
        assert_eq!(Theme::parse("Dark"), None);
        assert_eq!(Theme::parse(""), None);
        assert_eq!(TextSize::parse("huge"), None);
    }

    #[test]
    fn a_settings_record_with_missing_fields_falls_back_field_by_field() {
        let settings: DisplaySettings = serde_json::from_str(r#"{"theme":"dark"}"#).unwrap();
        assert_eq!(settings.theme, Theme::Dark);
        assert_eq!(settings.text_size, TextSize::Standard);
    }
}
