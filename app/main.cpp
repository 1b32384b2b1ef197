// The desktop program's composition root: the only file that wires stores, models and widgets.

#include "MainWindow.h"
#include "common/AppStyle.h"
#include "common/Profile.h"
#include "common/Translations.h"
#include "composer/ComposerAutomation.h"
#include "connectors/demo/DemoOptions.h"
#include "credentials/KeychainCredentialStore.h"
#include "storage/DataLocation.h"
#include "sync/AccountConnectors.h"
#include "sync/SyncEngine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QTimer>

using namespace Counterpart;

namespace {

int saveScreenshot(Ui::MainWindow &window, const QString &path)
{
    window.show();
    // Let layouts, the splitter and the lazily loaded list settle before painting.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    const QPixmap shot = window.grab();
    if (shot.isNull() || !shot.save(path)) {
        qCritical("Could not write the screenshot to %s", qPrintable(path));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    installTranslations(app);
    QCoreApplication::setOrganizationName(QStringLiteral("Counterpart"));
    QCoreApplication::setApplicationName(QStringLiteral("Counterpart"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Counterpart — one workspace for every support channel."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Profile folder (default: COUNTERPART_DATA_DIR or the standard location)."), QStringLiteral("DIR"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Render the window to a PNG and exit."), QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Open on a view: all, mine, unassigned, channel:<kind>."), QStringLiteral("KEY"), QStringLiteral("all"));
    const QCommandLineOption row(QStringLiteral("select"), QStringLiteral("Select the Nth conversation of the view (from 0)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1360x820."), QStringLiteral("WxH"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark palette."));
    const QCommandLineOption now(QStringLiteral("now"), QStringLiteral("Pin the clock (ISO 8601), for reproducible screenshots."), QStringLiteral("TIME"));
    parser.addOptions({dataDir, screenshot, view, row, size, dark, now});
    // Test only: crash tests type a draft through the real composer, then kill the process.
    QCommandLineOption typeInto(QStringLiteral("type-into-composer"), QStringLiteral("Test only."), QStringLiteral("TEXT"));
    typeInto.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(typeInto);
    parser.process(app);

    Ui::AppStyle::apply(app, parser.isSet(dark));

    const QString directory = parser.isSet(dataDir) ? parser.value(dataDir) : Storage::DataLocation::resolve({});
    Profile profile(directory);
    const auto opened = profile.open();
    if (!opened.ok) {
        if (parser.isSet(screenshot)) {
            qCritical("%s", qPrintable(opened.error));
        } else {
            QMessageBox::critical(nullptr, QObject::tr("Counterpart cannot open your data"), opened.error);
        }
        return 1;
    }

    Ui::MainWindow::Options options;
    options.demo = opened.demo;
    options.notice = opened.notice;
    if (parser.isSet(now))
        options.now = QDateTime::fromString(parser.value(now), Qt::ISODate);
    // Sync runs for real accounts and for the demo alike, so sending in the demo goes through the
    // same outbox path. Screenshots stay still: nothing syncs while one is taken.
    QNetworkAccessManager network;
    Credentials::KeychainCredentialStore keychain;
    Sync::SyncEngine engine(profile.cache(), profile.outbox());
    Sync::AccountConnectors connectors(profile.cache(), &engine, profile.accounts(), &keychain, &network);
    if (opened.demo)
        connectors.addDemo(Connectors::Demo::DemoOptions{});
    if (!parser.isSet(screenshot))
        connectors.loadAccounts();

    Ui::Services services;
    services.cache = profile.cache();
    services.workspace = profile.workspace();
    services.outbox = profile.outbox();
    services.templates = profile.templates();
    services.lattePolicies = profile.lattePolicies();
    services.accounts = profile.accounts();
    services.sync = &engine;
    services.connectors = &connectors;
    services.reviews = profile.reviews();
    Ui::MainWindow window(services, options);
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        if (parts.size() == 2)
            window.resize(parts.at(0).toInt(), parts.at(1).toInt());
    }
    window.selectView(parser.value(view));
    window.selectConversationRow(parser.value(row).toInt());

    if (parser.isSet(screenshot))
        return saveScreenshot(window, parser.value(screenshot));
    window.show();
    if (parser.isSet(typeInto))
        QTimer::singleShot(0, &window, [&window, text = parser.value(typeInto)] {
            Ui::ComposerAutomation::typeIntoComposer(&window, text);
        });
    connectors.start();
    return app.exec();
}
