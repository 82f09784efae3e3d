// Occasion frames: one reported occasion (a meeting, talks, a summit, a visit) told over
// several clauses and sentences. The lede tells the occasion; later sentences refer back
// to it ("the talks", "the meeting", "The talks, hosted by X and attended by Y", "The
// decision was taken at a meeting in Z"). The frame pools what they tell: its place, its
// day and its participants, and gives them to the events that belong to it (internal to
// herald_processors; run by the dates stage after the days are resolved).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "processors/doc.hpp"

namespace herald::processors {

// The dates stage's clause tests the frame reuses (a trigger in the past perfect, after a
// clause that moves the time, or in a habit), and the one past day a sentence names.
struct FrameTests {
    bool (*past_perfect)(const Doc&, const Candidate&) = nullptr;
    bool (*time_shift_before)(const Doc&, const Candidate&) = nullptr;
    bool (*background)(const Doc&, const Candidate&) = nullptr;
    std::function<std::optional<std::int64_t>(const Sentence&)> sentence_day;
};

// Builds the lede's occasion frame and applies it to the events that refer back to it.
void occasion_frames(Doc& d, const FrameTests& tests);

}  // namespace herald::processors
