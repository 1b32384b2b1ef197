#include "common/Translations.h"

#include <QCoreApplication>
#include <QTest>

using namespace Counterpart;

/** The embedded English plural forms: what an agent reads instead of "change(s)". */
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void pluralsReadAsEnglish()
    {
        const char *context = "Counterpart::Ui::SyncStatusWidget";
        const char *source = "Offline — %n change(s) waiting";
        // Without the translation Qt shows the source as written.
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1), QStringLiteral("Offline — 1 change(s) waiting"));
        installTranslations(*QCoreApplication::instance());
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1), QStringLiteral("Offline — 1 change waiting"));
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 3), QStringLiteral("Offline — 3 changes waiting"));
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 0), QStringLiteral("Offline — 0 changes waiting"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
