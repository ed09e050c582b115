//! Calendar arithmetic: proleptic Gregorian, ISO weeks, Hijri (tabular
//! Islamic with Umm al-Qura month starts where known).

use marsad_text::FastMap as HashMap;

/// Days since 1970-01-01 of a Gregorian date (proleptic).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Gregorian date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// ISO weekday (Monday = 1 … Sunday = 7) of a day count.
pub fn weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday (4).
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// ISO week-year and week number of a day count.
pub fn iso_week(days: i64) -> (i64, u32) {
    let wd = weekday(days) as i64;
    let thursday = days - wd + 4;
    let (y, _, _) = civil_from_days(thursday);
    let jan1 = days_from_civil(y, 1, 1);
    (y, ((thursday - jan1) / 7 + 1) as u32)
}

pub fn fmt_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{:04}-{:02}-{:02}", y, m, d)
}

pub fn fmt_week(days: i64) -> String {
    let (y, w) = iso_week(days);
    format!("{:04}-W{:02}", y, w)
}

/// Parse "YYYY-MM-DD" (also accepts a longer timestamp starting with it).
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// RD 1 (0001-01-01) as a day count since 1970-01-01.
const RD_OFFSET: i64 = -719162;
/// Tabular Islamic epoch (RD of 1 Muharram 1 AH, civil).
const ISLAMIC_EPOCH_RD: i64 = 227015;

/// Tabular Islamic calendar: day count of y/m/d.
pub fn tabular_hijri_to_days(y: i64, m: u32, d: u32) -> i64 {
    let m = m as i64;
    let rd = ISLAMIC_EPOCH_RD - 1 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 29 * (m - 1) + m / 2 + d as i64;
    rd - 1 + RD_OFFSET
}

/// Hijri calendar with an Umm al-Qura month-start table (falls back to the
/// tabular calendar for months not in the table).
#[derive(Debug, Default)]
pub struct Hijri {
    starts: HashMap<(i64, u32), i64>,
}

impl Hijri {
    pub fn from_tsv(tsv: &str) -> Self {
        let mut starts = HashMap::default();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            if let (Ok(y), Ok(m), Some(d)) = (f[0].trim().parse(), f[1].trim().parse(), parse_date(f[2])) {
                starts.insert((y, m), d);
            }
        }
        Hijri { starts }
    }

    /// Day count of Hijri y/m/d.
    pub fn to_days(&self, y: i64, m: u32, d: u32) -> i64 {
        match self.starts.get(&(y, m)) {
            Some(&s) => s + d as i64 - 1,
            None => tabular_hijri_to_days(y, m, d),
        }
    }

    /// Hijri year containing a day count.
    pub fn year_of(&self, days: i64) -> i64 {
        let mut y = ((days - tabular_hijri_to_days(1, 1, 1)) as f64 / 354.367) as i64 + 1;
        while self.to_days(y + 1, 1, 1) <= days {
            y += 1;
        }
        while self.to_days(y, 1, 1) > days {
            y -= 1;
        }
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_roundtrip_and_weeks() {
        for z in -800_000..800_000i64 {
            if z % 997 != 0 {
                continue;
            }
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        let d = parse_date("2024-01-27").unwrap();
        assert_eq!(weekday(d), 6);
        assert_eq!(fmt_week(d), "2024-W04");
        assert_eq!(fmt_week(parse_date("2021-01-03").unwrap()), "2020-W53");
        assert_eq!(fmt_week(parse_date("2024-12-30").unwrap()), "2025-W01");
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("garbage").is_none());
    }

    #[test]
    fn hijri_known_pairs() {
        let h = Hijri::from_tsv(include_str!("../../../data/time/umm_al_qura.tsv"));
        assert_eq!(fmt_day(h.to_days(1445, 9, 1)), "2024-03-11");
        assert_eq!(fmt_day(h.to_days(1445, 9, 15)), "2024-03-25");
        assert_eq!(fmt_day(h.to_days(1445, 12, 10)), "2024-06-16");
        assert_eq!(fmt_day(tabular_hijri_to_days(1444, 9, 1)), "2023-03-23");
        assert_eq!(h.year_of(parse_date("2024-01-27").unwrap()), 1445);
        assert_eq!(h.year_of(parse_date("2024-07-07").unwrap()), 1446);
    }
}
