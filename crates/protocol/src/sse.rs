//! Server-Sent Events as the server frames its streams (`GET /v1/events`, `GET
//! /v1/handler/events`) and every client reads them: bytes in, whole events out,
//! whatever the chunking.

/// One event of the stream.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseFrame {
    pub id: Option<String>,
    pub event: Option<String>,
    pub data: String,
}

/// Collects bytes until events are complete.
#[derive(Debug, Default)]
pub struct SseParser {
    buffer: Vec<u8>,
    current: SseFrame,
    has_data: bool,
}

impl SseParser {
    /// Feeds a chunk; returns the events it completed.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<SseFrame> {
        self.buffer.extend_from_slice(chunk);
        let mut frames = Vec::new();
        while let Some(end) = self.buffer.iter().position(|b| *b == b'\n') {
            let mut line: Vec<u8> = self.buffer.drain(..=end).collect();
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            let line = String::from_utf8_lossy(&line);
            if line.is_empty() {
                if self.has_data || self.current.id.is_some() {
                    frames.push(std::mem::take(&mut self.current));
                }
                self.has_data = false;
                continue;
            }
            if line.starts_with(':') {
                continue; // a comment: keep-alive
            }
            let (field, value) = match line.split_once(':') {
                Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
                None => (line.as_ref(), ""),
            };
            match field {
                "id" => self.current.id = Some(value.to_owned()),
                "event" => self.current.event = Some(value.to_owned()),
                "data" => {
                    if self.has_data {
                        self.current.data.push('\n');
                    }
                    self.current.data.push_str(value);
                    self.has_data = true;
                }
                _ => {}
            }
        }
        frames
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_survive_any_chunking() {
        let stream = b": keep-alive\n\nid: 7\nevent: acknowledged\ndata: {\"a\":1}\n\nid: 8\r\nevent: update\r\ndata: line1\r\ndata: line2\r\n\r\n";
        for split in 1..stream.len() {
            let mut parser = SseParser::default();
            let mut frames = parser.push(&stream[..split]);
            frames.extend(parser.push(&stream[split..]));
            assert_eq!(frames.len(), 2, "split at {split}");
            assert_eq!(frames[0].id.as_deref(), Some("7"));
            assert_eq!(frames[0].event.as_deref(), Some("acknowledged"));
            assert_eq!(frames[0].data, "{\"a\":1}");
            assert_eq!(frames[1].data, "line1\nline2");
        }
    }
}
