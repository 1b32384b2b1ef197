#pragma once

#include <QList>

#include <random>

namespace Counterpart::Connectors::Demo {

/**
 * A seeded PRNG with the few draws the generator needs. std::mt19937_64 is specified bit for bit
 * by the standard, but std::uniform_int_distribution and friends are not, so the range reductions
 * live here: the same seed gives the same workspace with every compiler and library.
 */
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed) : m_engine(seed) {}

    /** Mixes several numbers into one well-spread seed (splitmix64 finaliser). */
    static quint64 mix(quint64 a, quint64 b = 0, quint64 c = 0)
    {
        quint64 z = a + 0x9E3779B97F4A7C15ull * (b + 1) + 0xBF58476D1CE4E5B9ull * (c + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    quint64 next() { return m_engine(); }

    /** Uniform in [0, n); 0 when n <= 0. */
    int below(qint64 n)
    {
        if (n <= 0)
            return 0;
        return int((unsigned __int128)(m_engine()) * quint64(n) >> 64);
    }

    /** Uniform in [low, high]. */
    qint64 between(qint64 low, qint64 high)
    {
        if (high <= low)
            return low;
        const quint64 span = quint64(high - low) + 1;
        return low + qint64((unsigned __int128)(m_engine()) * span >> 64);
    }

    /** Uniform in [0, 1). */
    double unit() { return double(m_engine() >> 11) * (1.0 / 9007199254740992.0); }

    bool chance(double probability) { return unit() < probability; }

    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(below(list.size()));
    }

    /** Index drawn with the given relative weights. */
    template<typename Container>
    int weighted(const Container &weights)
    {
        double total = 0;
        for (const auto w : weights)
            total += w;
        double r = unit() * total;
        int index = 0;
        for (const auto w : weights) {
            if (r < w)
                return index;
            r -= w;
            ++index;
        }
        return index - 1;
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace Counterpart::Connectors::Demo
