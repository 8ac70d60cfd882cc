//! When Peer Study speaks up about keeping a trainee's words on their device: Safari's seven-day
//! clearing on iPhone and iPad, how long ago the last backup was, and whether anything has been
//! written yet that would be worth keeping.
//!
//! Pure rules: the app reads the browser (its user agent, touch points, display mode) and the
//! clock, and passes them in, so every rule is tested natively with any browser and any date.

use super::date::{CalendarDate, UnixMs};

/// One day in milliseconds.
pub const DAY_MS: UnixMs = 86_400_000;

/// How long "Not now" puts the Safari notice away for. Short enough that it comes back well
/// inside Safari's seven days, long enough not to nag at every visit.
pub const NOTICE_PAUSE_DAYS: i64 = 3;

/// After this many days without a backup (once there is something to back up), a gentle nudge.
pub const BACKUP_NUDGE_DAYS: i64 = 7;

/// What the app could read about the browser it runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrowserFacts<'a> {
    /// `navigator.userAgent`.
    pub user_agent: &'a str,
    /// `navigator.maxTouchPoints` (0 on a desktop Mac, 5 on an iPad asking for desktop sites).
    pub max_touch_points: u32,
    /// Opened from the Home Screen: `display-mode: standalone` (or fullscreen, minimal-ui), or
    /// Safari's own `navigator.standalone`.
    pub standalone: bool,
}

/// Whether the browser is WebKit on an iPhone, iPad or iPod touch, where every browser (Safari,
/// Chrome, Firefox, Edge) is WebKit and stored data goes after seven days without a visit.
///
/// iPadOS asks for desktop sites by default and then says it is a Mac: a "Macintosh" with a touch
/// screen is an iPad, as no Mac has one.
///
/// ```
/// use peer_study::domain::storage_safety::is_apple_mobile_webkit;
/// let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
///               (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
/// assert!(is_apple_mobile_webkit(iphone, 5));
/// let ipad_as_mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
///                    (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
/// assert!(is_apple_mobile_webkit(ipad_as_mac, 5));
/// assert!(!is_apple_mobile_webkit(ipad_as_mac, 0)); // a Mac
/// ```
pub fn is_apple_mobile_webkit(user_agent: &str, max_touch_points: u32) -> bool {
    let mobile = ["iPhone", "iPad", "iPod"]
        .iter()
        .any(|device| user_agent.contains(device));
    mobile || (user_agent.contains("Macintosh") && max_touch_points > 1)
}

/// Whether Safari's seven-day clearing can reach Peer Study's data here: WebKit on iPhone or iPad,
/// not opened from the Home Screen (a Home Screen web app keeps its data).
pub fn safari_may_clear(browser: BrowserFacts<'_>) -> bool {
    !browser.standalone && is_apple_mobile_webkit(browser.user_agent, browser.max_touch_points)
}

/// Whether the Safari notice shows now: it was never put away, or its pause is over. A pause
/// that ends implausibly far ahead (a clock that was wrong when it was set) counts as over.
pub fn notice_due(paused_until: Option<UnixMs>, now: UnixMs) -> bool {
    match paused_until {
        None => true,
        Some(until) => now >= until || until - now > NOTICE_PAUSE_DAYS * DAY_MS,
    }
}

/// When a notice put away at `now` comes back.
pub fn pause_until(now: UnixMs) -> UnixMs {
    now + NOTICE_PAUSE_DAYS * DAY_MS
}

/// Where the trainee stands on backups, to show beside a one-tap backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupStanding {
    /// "No backup yet", "Last backup: today", "Last backup: 9 days ago".
    pub words: String,
    /// Whether to nudge: never backed up, or not for [`BACKUP_NUDGE_DAYS`] days.
    pub nudge: bool,
}

/// Where the trainee stands on backups, by calendar days in their own time zone (a backup last
/// night at 23:00 was "yesterday" at 08:00 this morning). A last backup dated after today (the
/// clock was changed) is "today".
///
/// ```
/// use peer_study::domain::date::CalendarDate;
/// use peer_study::domain::storage_safety::backup_standing;
/// let today = CalendarDate::new(2026, 12, 2).unwrap();
/// let standing = backup_standing(Some(CalendarDate::new(2026, 11, 23).unwrap()), today);
/// assert_eq!(standing.words, "Last backup: 9 days ago");
/// assert!(standing.nudge);
/// ```
pub fn backup_standing(last: Option<CalendarDate>, today: CalendarDate) -> BackupStanding {
    let Some(last) = last else {
        return BackupStanding {
            words: "No backup yet".into(),
            nudge: true,
        };
    };
    let days = last.days_until(today).max(0);
    let words = match days {
        0 => "Last backup: today".to_string(),
        1 => "Last backup: yesterday".to_string(),
        n => format!("Last backup: {n} days ago"),
    };
    BackupStanding {
        words,
        nudge: days >= BACKUP_NUDGE_DAYS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) \
        AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const IPHONE_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) \
        AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1";
    const IPAD_SAFARI: &str = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 \
        (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
    const MAC_SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) \
        AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 \
        (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    const DESKTOP_CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, \
        like Gecko) Chrome/126.0.0.0 Safari/537.36";

    fn facts(user_agent: &str, max_touch_points: u32, standalone: bool) -> BrowserFacts<'_> {
        BrowserFacts {
            user_agent,
            max_touch_points,
            standalone,
        }
    }

    #[test]
    fn every_browser_on_an_iphone_or_ipad_in_a_tab_is_at_risk() {
        for ua in [IPHONE_SAFARI, IPHONE_CHROME, IPAD_SAFARI] {
            assert!(safari_may_clear(facts(ua, 5, false)), "{ua}");
        }
        // iPadOS asking for the desktop site says "Macintosh" but has a touch screen.
        assert!(safari_may_clear(facts(MAC_SAFARI, 5, false)));
    }

    #[test]
    fn opened_from_the_home_screen_the_data_is_kept_so_no_notice() {
        assert!(!safari_may_clear(facts(IPHONE_SAFARI, 5, true)));
        assert!(!safari_may_clear(facts(MAC_SAFARI, 5, true)));
    }

    #[test]
    fn macs_android_and_desktop_browsers_are_not_at_risk() {
        assert!(!safari_may_clear(facts(MAC_SAFARI, 0, false)));
        assert!(!safari_may_clear(facts(ANDROID_CHROME, 5, false)));
        assert!(!safari_may_clear(facts(DESKTOP_CHROME, 0, false)));
    }

    #[test]
    fn a_notice_put_away_comes_back_after_its_pause() {
        let now = 1_800_000_000_000;
        assert!(notice_due(None, now));
        let until = pause_until(now);
        assert!(!notice_due(Some(until), now));
        assert!(!notice_due(Some(until), now + 2 * DAY_MS));
        assert!(notice_due(Some(until), now + 3 * DAY_MS));
        assert!(notice_due(Some(until), now + 30 * DAY_MS));
    }

    #[test]
    fn a_pause_set_by_a_clock_far_ahead_does_not_hide_the_notice_for_ever() {
        let now = 1_800_000_000_000;
        assert!(notice_due(Some(now + 365 * DAY_MS), now));
    }

    fn day(d: u32) -> CalendarDate {
        CalendarDate::new(2026, 12, d).unwrap()
    }

    #[test]
    fn no_backup_yet_is_said_and_nudged() {
        let standing = backup_standing(None, day(2));
        assert_eq!(standing.words, "No backup yet");
        assert!(standing.nudge);
    }

    #[test]
    fn a_recent_backup_is_said_in_days_without_a_nudge() {
        assert_eq!(
            backup_standing(Some(day(2)), day(2)),
            BackupStanding {
                words: "Last backup: today".into(),
                nudge: false
            }
        );
        assert_eq!(
            backup_standing(Some(day(1)), day(2)).words,
            "Last backup: yesterday"
        );
        let six = backup_standing(Some(day(1)), day(7));
        assert_eq!(six.words, "Last backup: 6 days ago");
        assert!(!six.nudge);
    }

    #[test]
    fn a_week_after_the_last_backup_comes_a_nudge() {
        let week = backup_standing(Some(day(1)), day(8));
        assert_eq!(week.words, "Last backup: 7 days ago");
        assert!(week.nudge);
        assert_eq!(
            backup_standing(Some(CalendarDate::new(2026, 11, 23).unwrap()), day(2)).words,
            "Last backup: 9 days ago"
        );
    }

    #[test]
    fn a_backup_dated_in_the_future_counts_as_today() {
        let standing = backup_standing(Some(day(9)), day(2));
        assert_eq!(standing.words, "Last backup: today");
        assert!(!standing.nudge);
    }
}
