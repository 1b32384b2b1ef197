#include "metrics/Sla.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using Metrics::Sla;

Q_DECLARE_METATYPE(Counterpart::Metrics::Sla::State)

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
QDateTime minutesAgo(int minutes) { return kNow.addSecs(-60 * qint64(minutes)); }
} // namespace

class TestSla : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QDateTime>("waitingSince");
        QTest::addColumn<QDateTime>("firstReplyAt");
        QTest::addColumn<Sla::State>("state");
        QTest::addColumn<QDateTime>("dueAt");

        const QDateTime none;
        // e-mail: 4 h target, due soon under 1 h left
        QTest::newRow("email fresh") << "email" << "open" << minutesAgo(10) << none
                                     << Sla::State::Ok << kNow.addSecs(230 * 60);
        QTest::newRow("email 3h10 due soon") << "email" << "open" << minutesAgo(190) << none
                                             << Sla::State::DueSoon << kNow.addSecs(50 * 60);
        QTest::newRow("email exactly 3h still ok") << "email" << "open" << minutesAgo(180) << none
                                                   << Sla::State::Ok << kNow.addSecs(60 * 60);
        QTest::newRow("email breached") << "email" << "open" << minutesAgo(241) << none
                                        << Sla::State::Breached << kNow.addSecs(-60);
        QTest::newRow("email at due time is breached") << "email" << "open" << minutesAgo(240) << none
                                                       << Sla::State::Breached << kNow;
        // live chat: 15 min
        QTest::newRow("webchat 5 min") << "webchat" << "open" << minutesAgo(5) << none
                                       << Sla::State::Ok << kNow.addSecs(10 * 60);
        QTest::newRow("webchat 12 min due soon") << "webchat" << "open" << minutesAgo(12) << none
                                                 << Sla::State::DueSoon << kNow.addSecs(3 * 60);
        QTest::newRow("webchat 16 min breached") << "webchat" << "pending" << minutesAgo(16) << none
                                                 << Sla::State::Breached << kNow.addSecs(-60);
        // WhatsApp 30 min, SMS and phone 1 h
        QTest::newRow("whatsapp 25 min due soon") << "whatsapp" << "open" << minutesAgo(25) << none
                                                  << Sla::State::DueSoon << kNow.addSecs(5 * 60);
        QTest::newRow("sms 30 min ok") << "sms" << "open" << minutesAgo(30) << none
                                       << Sla::State::Ok << kNow.addSecs(30 * 60);
        QTest::newRow("phone 61 min breached") << "phone" << "open" << minutesAgo(61) << none
                                               << Sla::State::Breached << kNow.addSecs(-60);
        // rules: no waiting customer, already replied, snoozed or resolved: no badge
        QTest::newRow("not waiting") << "email" << "open" << none << none << Sla::State::None << none;
        QTest::newRow("already replied") << "email" << "open" << minutesAgo(500) << minutesAgo(400)
                                         << Sla::State::None << none;
        QTest::newRow("snoozed") << "webchat" << "snoozed" << minutesAgo(500) << none
                                 << Sla::State::None << none;
        QTest::newRow("resolved") << "webchat" << "resolved" << minutesAgo(500) << none
                                  << Sla::State::None << none;
        QTest::newRow("unknown channel uses 4 h") << "carrier-pigeon" << "open" << minutesAgo(10)
                                                  << none << Sla::State::Ok << kNow.addSecs(230 * 60);
    }

    void evaluate()
    {
        QFETCH(QString, channel);
        QFETCH(QString, status);
        QFETCH(QDateTime, waitingSince);
        QFETCH(QDateTime, firstReplyAt);
        QFETCH(Sla::State, state);
        QFETCH(QDateTime, dueAt);
        const auto result = Sla().evaluate(channel, status, waitingSince, firstReplyAt, kNow);
        QCOMPARE(result.state, state);
        QCOMPARE(result.dueAt, dueAt);
    }

    void waitingText_data()
    {
        QTest::addColumn<QDateTime>("since");
        QTest::addColumn<QString>("text");
        QTest::newRow("invalid") << QDateTime() << QString();
        QTest::newRow("seconds") << kNow.addSecs(-30) << QStringLiteral("now");
        QTest::newRow("in the future") << kNow.addSecs(120) << QStringLiteral("now");
        QTest::newRow("minutes") << minutesAgo(12) << QStringLiteral("12 min");
        QTest::newRow("hours pad minutes") << minutesAgo(185) << QStringLiteral("3 h 05 min");
        QTest::newRow("days") << minutesAgo(60 * 52) << QStringLiteral("2 d 4 h");
    }

    void waitingText()
    {
        QFETCH(QDateTime, since);
        QFETCH(QString, text);
        QCOMPARE(Sla::waitingText(since, kNow), text);
    }

    void targetsAreKeptInSettings()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        QCOMPARE(Sla::fromSettings(workspace).targetSecs(QStringLiteral("email")), 4 * 3600);
        Sla sla;
        sla.setTargetSecs(QStringLiteral("email"), 2 * 3600);
        QVERIFY(sla.saveTo(workspace));
        const Sla loaded = Sla::fromSettings(workspace);
        QCOMPARE(loaded.targetSecs(QStringLiteral("email")), 2 * 3600);
        QCOMPARE(loaded.targetSecs(QStringLiteral("webchat")), 15 * 60);
        const auto result = loaded.evaluate(QStringLiteral("email"), QStringLiteral("open"),
                                            minutesAgo(100), QDateTime(), kNow);
        QCOMPARE(result.state, Sla::State::DueSoon);
    }

    void dueSortExpressionMatchesEvaluate()
    {
        // The SQL and C++ must agree, or "SLA due" would sort by a different deadline than the badge.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sla"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE inboxes(id INTEGER PRIMARY KEY, channel TEXT)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE conversations(id INTEGER PRIMARY KEY, inbox_id"
                                          " INTEGER, status TEXT, waiting_since INTEGER, first_reply_at INTEGER)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO inboxes VALUES (1,'email'),(2,'webchat'),(3,'x')")));
            const qint64 w = minutesAgo(10).toSecsSinceEpoch();
            QVERIFY(q.exec(QStringLiteral("INSERT INTO conversations VALUES (1,1,'open',%1,NULL),"
                                          "(2,2,'open',%1,NULL),(3,3,'pending',%1,NULL),"
                                          "(4,1,'open',%1,%1),(5,2,'resolved',%1,NULL),(6,1,'open',NULL,NULL)")
                               .arg(w)));
            Sla sla;
            sla.setTargetSecs(QStringLiteral("webchat"), 600);
            QVERIFY(q.exec(QStringLiteral("SELECT c.id, ") + sla.dueSortExpression()
                           + QStringLiteral(" AS due FROM conversations c JOIN inboxes i ON"
                                            " i.id=c.inbox_id ORDER BY due, c.id")));
            QList<qint64> order;
            QList<qint64> dues;
            while (q.next()) {
                order.append(q.value(0).toLongLong());
                dues.append(q.value(1).toLongLong());
            }
            QCOMPARE(order, (QList<qint64>{2, 1, 3, 4, 5, 6}));
            QCOMPARE(dues.at(0), w + 600);
            QCOMPARE(dues.at(1), w + 4 * 3600);
            QCOMPARE(dues.at(3), std::numeric_limits<qint64>::max());
        }
        db.close();
    }
};

QTEST_GUILESS_MAIN(TestSla)
#include "TestSla.moc"
