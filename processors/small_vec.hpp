// A vector of trivially copyable values (pointers, indices) that keeps its
// first N elements inline: the short per-candidate lists of the stages (the
// mentions right of a trigger, a sentence's topics) then cost no allocation.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <type_traits>

namespace herald::processors {

template <class T, std::size_t N>
class SmallVec {
    static_assert(std::is_trivially_copyable_v<T> && N > 0);

  public:
    using value_type = T;
    using iterator = T*;
    using const_iterator = const T*;

    SmallVec() = default;
    SmallVec(std::initializer_list<T> l) { assign(l.begin(), l.end()); }
    SmallVec(const SmallVec& o) { assign(o.begin(), o.end()); }
    SmallVec(SmallVec&& o) noexcept { steal(o); }
    SmallVec& operator=(const SmallVec& o) {
        if (this != &o) {
            clear();
            assign(o.begin(), o.end());
        }
        return *this;
    }
    SmallVec& operator=(SmallVec&& o) noexcept {
        if (this != &o) {
            release();
            steal(o);
        }
        return *this;
    }
    ~SmallVec() { release(); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T* data() { return data_; }
    const T* data() const { return data_; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    T& operator[](std::size_t i) { return data_[i]; }
    const T& operator[](std::size_t i) const { return data_[i]; }
    T& front() { return data_[0]; }
    const T& front() const { return data_[0]; }
    T& back() { return data_[size_ - 1]; }
    const T& back() const { return data_[size_ - 1]; }

    void clear() { size_ = 0; }
    void reserve(std::size_t n) {
        if (n > cap_) grow(n);
    }
    void push_back(const T& v) {
        if (size_ == cap_) grow(cap_ * 2);
        data_[size_++] = v;
    }
    // Inserts [first, last) at the end only (the one insertion the stages make);
    // any other position is a programming error.
    template <class It>
    void insert(const T* pos, It first, It last) {
        assert(pos == end());
        (void)pos;
        for (; first != last; ++first) push_back(*first);
    }

    friend bool operator==(const SmallVec& a, const SmallVec& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

  private:
    T* data_ = inline_;
    std::size_t size_ = 0;
    std::size_t cap_ = N;
    T inline_[N];

    bool on_heap() const { return data_ != inline_; }
    template <class It>
    void assign(It first, It last) {
        for (; first != last; ++first) push_back(*first);
    }
    void grow(std::size_t cap) {
        T* p = std::allocator<T>().allocate(cap);
        std::memcpy(p, data_, size_ * sizeof(T));
        release();
        data_ = p;
        cap_ = cap;
    }
    void release() {
        if (on_heap()) std::allocator<T>().deallocate(data_, cap_);
        data_ = inline_;
        cap_ = N;
    }
    void steal(SmallVec& o) {
        if (o.on_heap()) {
            data_ = o.data_;
            cap_ = o.cap_;
            o.data_ = o.inline_;
            o.cap_ = N;
        } else {
            std::memcpy(inline_, o.inline_, o.size_ * sizeof(T));
        }
        size_ = o.size_;
        o.size_ = 0;
    }
};

}  // namespace herald::processors
