//! The course's further reading and the facts about peer support as a career, as data
//! (`content/further_reading.json`, `content/careers.json`), and the trainee's private
//! self-reflection on the skills the role asks for.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// One recommended resource. It lives on another website, so the app only links to it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Resource {
    /// A stable id, for element ids and tests.
    pub id: String,
    /// Its name.
    pub title: String,
    /// Who publishes it.
    pub publisher: String,
    /// Where it is (always `https://`, checked by a test).
    pub url: String,
    /// One or two sentences, in our own words, on what it is for.
    pub about: String,
}

#[derive(Deserialize)]
struct ReadingFile {
    #[allow(dead_code)]
    version: u32,
    resources: Vec<Resource>,
}

/// One part of the careers page: a heading, a sentence, and a list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CareerSection {
    /// The heading.
    pub heading: String,
    /// The sentence under it.
    pub intro: String,
    /// The points, possibly none.
    #[serde(default)]
    pub items: Vec<String>,
}

/// A skill or quality the role asks for, for the self-reflection checklist.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Skill {
    /// A stable id: what the trainee's ticks are kept under.
    pub id: String,
    /// The words shown.
    pub text: String,
}

/// Everything on the careers page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Careers {
    /// The opening paragraph.
    pub intro: String,
    /// The parts of the page, in order.
    pub sections: Vec<CareerSection>,
    /// The skills for the self-reflection checklist.
    pub skills: Vec<Skill>,
}

/// The recommended resources, in the order the course lists them.
///
/// # Panics
/// Only if the bundled JSON is malformed, which a unit test rules out before release.
pub fn further_reading() -> &'static [Resource] {
    static PARSED: OnceLock<Vec<Resource>> = OnceLock::new();
    PARSED.get_or_init(|| {
        serde_json::from_str::<ReadingFile>(include_str!("../../content/further_reading.json"))
            .expect("content/further_reading.json is checked by a test")
            .resources
    })
}

/// The careers page's content.
///
/// # Panics
/// Only if the bundled JSON is malformed, which a unit test rules out before release.
pub fn careers() -> &'static Careers {
    static PARSED: OnceLock<Careers> = OnceLock::new();
    PARSED.get_or_init(|| {
        serde_json::from_str(include_str!("../../content/careers.json"))
            .expect("content/careers.json is checked by a test")
    })
}

/// Which of the two lists a skill is ticked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillList {
    /// "Skills I already have".
    Have,
    /// "Skills I want to grow".
    Grow,
}

/// The trainee's private self-reflection: skill ids ticked in each list. A skill may be in both
/// (something you have and want to grow further). Kept by id, so rewording a skill keeps its ticks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SkillsReflection {
    /// "Skills I already have".
    pub have: BTreeSet<String>,
    /// "Skills I want to grow".
    pub grow: BTreeSet<String>,
}

impl SkillsReflection {
    fn list(&self, list: SkillList) -> &BTreeSet<String> {
        match list {
            SkillList::Have => &self.have,
            SkillList::Grow => &self.grow,
        }
    }

    /// Whether `skill_id` is ticked in `list`.
    pub fn is_ticked(&self, list: SkillList, skill_id: &str) -> bool {
        self.list(list).contains(skill_id)
    }

    /// Ticks or unticks `skill_id` in `list`.
    pub fn set(&mut self, list: SkillList, skill_id: &str, ticked: bool) {
        let set = match list {
            SkillList::Have => &mut self.have,
            SkillList::Grow => &mut self.grow,
        };
        if ticked {
            set.insert(skill_id.to_string());
        } else {
            set.remove(skill_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_course_resources_are_listed_each_on_a_secure_address() {
        let resources = further_reading();
        let ids: Vec<&str> = resources.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "mind-community-toolkit",
                "national-voices-hub",
                "community-capacity-guide",
                "realising-the-value",
                "nhs-health-careers"
            ]
        );
        for resource in resources {
            assert!(resource.url.starts_with("https://"), "{}", resource.url);
            assert!(!resource.about.trim().is_empty());
            // No one's contact details: no e-mail addresses or phone numbers in what we wrote.
            assert!(!resource.about.contains('@'));
            assert!(!resource.about.chars().any(|c| c.is_ascii_digit()));
        }
    }

    #[test]
    fn the_careers_page_covers_the_role_and_has_skills_to_reflect_on() {
        let careers = careers();
        let headings: Vec<&str> = careers
            .sections
            .iter()
            .map(|s| s.heading.as_str())
            .collect();
        assert_eq!(
            headings,
            [
                "What you might do",
                "Where you might work",
                "Who you might work with",
                "What the role asks for"
            ]
        );
        assert_eq!(careers.skills.len(), 5);
        let ids: BTreeSet<&str> = careers.skills.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), 5, "skill ids are unique");
    }

    #[test]
    fn ticks_are_kept_per_list_and_older_saves_load() {
        let mut reflection = SkillsReflection::default();
        reflection.set(SkillList::Have, "teamwork", true);
        reflection.set(SkillList::Grow, "teamwork", true);
        reflection.set(SkillList::Grow, "communication", true);
        reflection.set(SkillList::Grow, "communication", false);
        assert!(reflection.is_ticked(SkillList::Have, "teamwork"));
        assert!(reflection.is_ticked(SkillList::Grow, "teamwork"));
        assert!(!reflection.is_ticked(SkillList::Grow, "communication"));
        let json = serde_json::to_string(&reflection).unwrap();
        assert_eq!(
            serde_json::from_str::<SkillsReflection>(&json).unwrap(),
            reflection
        );
        assert_eq!(
            serde_json::from_str::<SkillsReflection>("{}").unwrap(),
            SkillsReflection::default()
        );
    }
}
