//! The terms being built as a JSON tree, edited by field path: the same paths the engine
//! names its problems with (`levels[1].commitments[0].within`, under `terms.`), so a message
//! finds the cell it belongs to.

use serde_json::{Map, Value};

/// One step of a field path: a key of an object or a position in an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A key of an object.
    Key(String),
    /// A position in an array, from 0.
    Index(usize),
}

/// The steps of a path written as the engine writes them (`a.b[2].c`).
pub fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                out.push(Step::Key(rest[..open].to_string()));
            }
            rest = &rest[open..];
            while let Some(r) = rest.strip_prefix('[') {
                let Some(close) = r.find(']') else { break };
                if let Ok(i) = r[..close].parse() {
                    out.push(Step::Index(i));
                }
                rest = &r[close + 1..];
            }
        } else {
            out.push(Step::Key(rest.to_string()));
        }
    }
    out
}

/// The value at `path`, if there is one.
pub fn get<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    steps(path).iter().try_fold(root, |v, s| match s {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(*i),
    })
}

/// The text at `path` as a field shows it: a string as is, a number written out, else empty.
pub fn text(root: &Value, path: &str) -> String {
    match get(root, path) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Sets the value at `path`, making the objects on the way (an array position past the end
/// is not made: nothing is set).
pub fn set(root: &mut Value, path: &str, value: Value) {
    let steps = steps(path);
    let Some((last, way)) = steps.split_last() else {
        *root = value;
        return;
    };
    let mut at = root;
    for s in way {
        at = match s {
            Step::Key(k) => {
                if !at.is_object() {
                    *at = Value::Object(Map::new());
                }
                match at.as_object_mut() {
                    Some(o) => o.entry(k.clone()).or_insert(Value::Null),
                    None => return,
                }
            }
            Step::Index(i) => match at.get_mut(*i) {
                Some(v) => v,
                None => return,
            },
        };
    }
    match last {
        Step::Key(k) => {
            if !at.is_object() {
                *at = Value::Object(Map::new());
            }
            if let Some(o) = at.as_object_mut() {
                o.insert(k.clone(), value);
            }
        }
        Step::Index(i) => {
            if let Some(v) = at.get_mut(*i) {
                *v = value;
            }
        }
    }
}

/// Removes the key at `path` (an optional field left empty).
pub fn remove(root: &mut Value, path: &str) {
    let steps = steps(path);
    let Some((Step::Key(last), way)) = steps.split_last() else {
        return;
    };
    let parent = way.iter().try_fold(&mut *root, |v, s| match s {
        Step::Key(k) => v.get_mut(k),
        Step::Index(i) => v.get_mut(*i),
    });
    if let Some(Value::Object(o)) = parent {
        o.remove(last);
    }
}

/// The array at `path`, made empty when missing.
pub fn array_mut<'a>(root: &'a mut Value, path: &str) -> Option<&'a mut Vec<Value>> {
    if !matches!(get(root, path), Some(Value::Array(_))) {
        set(root, path, Value::Array(Vec::new()));
    }
    let v = steps(path).iter().try_fold(&mut *root, |v, s| match s {
        Step::Key(k) => v.get_mut(k),
        Step::Index(i) => v.get_mut(*i),
    })?;
    v.as_array_mut()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_read_as_the_engine_writes_them() {
        assert_eq!(
            steps("levels[1].commitments[0].within"),
            vec![
                Step::Key("levels".into()),
                Step::Index(1),
                Step::Key("commitments".into()),
                Step::Index(0),
                Step::Key("within".into()),
            ]
        );
    }

    #[test]
    fn set_get_and_remove_by_path() {
        let mut v = json!({"levels": [{"when": {}}]});
        set(&mut v, "levels[0].when.system_usable", json!(false));
        set(&mut v, "penalty.rate_bp", json!(25));
        set(&mut v, "levels[3].id", json!("x"));
        assert_eq!(get(&v, "levels[0].when.system_usable"), Some(&json!(false)));
        assert_eq!(text(&v, "penalty.rate_bp"), "25");
        assert_eq!(v["levels"].as_array().map(Vec::len), Some(1));
        remove(&mut v, "levels[0].when.system_usable");
        assert_eq!(v["levels"][0]["when"], json!({}));
        if let Some(a) = array_mut(&mut v, "exclusions") {
            a.push(json!(1));
        }
        assert_eq!(v["exclusions"], json!([1]));
    }
}
