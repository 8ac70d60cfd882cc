//! When to save: debounce, a maximum wait, flush now, and retry after an error.
//!
//! A pure state machine: the caller passes the time in and sets its own timer, so every rule is
//! tested natively with a pretend clock. In the app: call [`SaveSchedule::changed`] after each
//! change and arm a timer for [`SaveSchedule::due_at`]; when it fires and [`SaveSchedule::next`]
//! says [`Next::SaveNow`], save and report with [`SaveSchedule::save_finished`]. On
//! `visibilitychange` to hidden and on `pagehide`, save at once (see [`SaveSchedule::flush`]).

use crate::domain::date::UnixMs;

/// The timings, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveTiming {
    /// Quiet time after the last change before saving.
    pub debounce_ms: i64,
    /// Longest a change may wait while the trainee keeps typing.
    pub max_wait_ms: i64,
    /// First wait before retrying a failed save; doubles with each failure.
    pub retry_ms: i64,
    /// Longest wait between retries.
    pub max_retry_ms: i64,
}

impl Default for SaveTiming {
    /// 350 ms debounce, at most 2 s of waiting while typing, retries from 2 s up to 30 s.
    fn default() -> Self {
        SaveTiming {
            debounce_ms: 350,
            max_wait_ms: 2_000,
            retry_ms: 2_000,
            max_retry_ms: 30_000,
        }
    }
}

/// What the caller should do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Nothing is waiting to be saved.
    Idle,
    /// Wait until this time, then ask again.
    WaitUntil(UnixMs),
    /// Save now.
    SaveNow,
}

/// The save scheduler. See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveSchedule {
    timing: SaveTiming,
    first_unsaved_at: Option<UnixMs>,
    last_change_at: Option<UnixMs>,
    retry_at: Option<UnixMs>,
    failures: u32,
}

impl SaveSchedule {
    /// A scheduler with nothing waiting.
    pub fn new(timing: SaveTiming) -> Self {
        SaveSchedule {
            timing,
            first_unsaved_at: None,
            last_change_at: None,
            retry_at: None,
            failures: 0,
        }
    }

    /// Something changed at `now`.
    pub fn changed(&mut self, now: UnixMs) {
        self.first_unsaved_at.get_or_insert(now);
        self.last_change_at = Some(now);
    }

    /// Whether anything is waiting to be saved.
    pub fn has_unsaved(&self) -> bool {
        self.first_unsaved_at.is_some()
    }

    /// How many saves in a row have failed.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// When the next save should happen, if anything is waiting.
    pub fn due_at(&self) -> Option<UnixMs> {
        let first = self.first_unsaved_at?;
        let last = self.last_change_at.unwrap_or(first);
        let due = (last + self.timing.debounce_ms).min(first + self.timing.max_wait_ms);
        Some(match self.retry_at {
            Some(retry) => due.max(retry),
            None => due,
        })
    }

    /// What to do at `now`.
    pub fn next(&self, now: UnixMs) -> Next {
        match self.due_at() {
            None => Next::Idle,
            Some(due) if now >= due => Next::SaveNow,
            Some(due) => Next::WaitUntil(due),
        }
    }

    /// The page is being hidden or left: whether to save at once (anything waiting, even while a
    /// retry is pending, because there may be no later chance).
    pub fn flush(&self) -> bool {
        self.has_unsaved()
    }

    /// A save finished at `now`. After a failure the changes stay waiting and the next try backs
    /// off (2 s, 4 s, 8 s ... up to 30 s by default); a success clears everything.
    pub fn save_finished(&mut self, now: UnixMs, succeeded: bool) {
        if succeeded {
            self.first_unsaved_at = None;
            self.last_change_at = None;
            self.retry_at = None;
            self.failures = 0;
        } else {
            self.failures = self.failures.saturating_add(1);
            let factor = 1i64 << (self.failures - 1).min(20);
            let wait = self
                .timing
                .retry_ms
                .saturating_mul(factor)
                .min(self.timing.max_retry_ms);
            self.first_unsaved_at.get_or_insert(now);
            self.retry_at = Some(now + wait);
        }
    }
}

impl Default for SaveSchedule {
    fn default() -> Self {
        SaveSchedule::new(SaveTiming::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_changed_means_nothing_to_do() {
        let schedule = SaveSchedule::default();
        assert_eq!(schedule.next(1_000), Next::Idle);
        assert!(!schedule.flush());
    }

    #[test]
    fn a_save_waits_for_a_quiet_moment_after_the_last_change() {
        let mut schedule = SaveSchedule::default();
        schedule.changed(1_000);
        assert_eq!(schedule.next(1_100), Next::WaitUntil(1_350));
        schedule.changed(1_200);
        assert_eq!(schedule.next(1_400), Next::WaitUntil(1_550));
        assert_eq!(schedule.next(1_550), Next::SaveNow);
    }

    #[test]
    fn steady_typing_still_saves_within_the_maximum_wait() {
        let mut schedule = SaveSchedule::default();
        let mut now = 0;
        while now < 1_900 {
            schedule.changed(now);
            assert_ne!(schedule.next(now), Next::SaveNow, "at {now}");
            now += 100;
        }
        schedule.changed(now);
        assert_eq!(schedule.next(2_000), Next::SaveNow);
    }

    #[test]
    fn a_good_save_clears_the_schedule() {
        let mut schedule = SaveSchedule::default();
        schedule.changed(0);
        schedule.save_finished(400, true);
        assert_eq!(schedule.next(10_000), Next::Idle);
    }

    #[test]
    fn a_failed_save_keeps_the_changes_waiting_and_retries_with_backoff() {
        let mut schedule = SaveSchedule::default();
        schedule.changed(0);
        schedule.save_finished(350, false);
        assert!(schedule.has_unsaved());
        assert_eq!(schedule.next(1_000), Next::WaitUntil(2_350));
        assert_eq!(schedule.next(2_350), Next::SaveNow);
        schedule.save_finished(2_350, false);
        assert_eq!(schedule.next(2_400), Next::WaitUntil(6_350));
        for _ in 0..10 {
            schedule.save_finished(10_000, false);
        }
        assert_eq!(schedule.next(10_000), Next::WaitUntil(40_000));
        schedule.save_finished(40_000, true);
        assert_eq!(schedule.failures(), 0);
    }

    #[test]
    fn hiding_the_page_flushes_even_during_a_retry_wait() {
        let mut schedule = SaveSchedule::default();
        schedule.changed(0);
        schedule.save_finished(350, false);
        assert!(schedule.flush());
    }
}
