#include "DemoWorkspace.h"

namespace Counterpart::Connectors::Demo {

using namespace Domain;

namespace {

Inbox inbox(qint64 id, const QString &name, ChannelKind channel, const QString &timezone,
            const QString &address)
{
    Inbox result;
    result.remoteId = id;
    result.name = name;
    result.channel = channel;
    result.timezone = timezone;
    result.address = address;
    return result;
}

DemoAgentProfile profile(qint64 id, const QString &name, const QString &firstName,
                         const QString &email, int language, int team,
                         std::array<double, 4> quality, const QString &availability,
                         const QString &role = QStringLiteral("agent"))
{
    DemoAgentProfile p;
    p.agent.remoteId = id;
    p.agent.name = name;
    p.agent.email = email + QStringLiteral("@harborpine.example");
    p.agent.role = role;
    p.agent.availability = availability;
    p.firstName = firstName;
    p.language = language;
    p.team = team;
    p.quality = quality;
    return p;
}

} // namespace

const QList<Inbox> &DemoWorkspace::inboxes()
{
    static const QList<Inbox> list = {
        inbox(1, QStringLiteral("Support email"), ChannelKind::Email, QStringLiteral("America/New_York"), QStringLiteral("support@harborpine.example")),
        inbox(2, QStringLiteral("Billing email"), ChannelKind::Email, QStringLiteral("America/New_York"), QStringLiteral("billing@harborpine.example")),
        inbox(3, QStringLiteral("Website chat"), ChannelKind::WebChat, QStringLiteral("UTC"), QStringLiteral("https://harborpine.example")),
        inbox(4, QStringLiteral("WhatsApp"), ChannelKind::WhatsApp, QStringLiteral("America/New_York"), QStringLiteral("+1 415 555 0142")),
        inbox(5, QStringLiteral("WhatsApp \u00b7 Hong Kong & Taiwan"), ChannelKind::WhatsApp, QStringLiteral("Asia/Hong_Kong"), QStringLiteral("+852 5550 0199")),
        inbox(6, QStringLiteral("SMS"), ChannelKind::Sms, QStringLiteral("America/New_York"), QStringLiteral("+1 415 555 0143")),
        inbox(7, QStringLiteral("Facebook Messenger"), ChannelKind::Facebook, QStringLiteral("UTC"), QStringLiteral("Harbor & Pine")),
        inbox(8, QStringLiteral("Instagram"), ChannelKind::Instagram, QStringLiteral("UTC"), QStringLiteral("@harborandpine")),
        inbox(9, QStringLiteral("Telegram"), ChannelKind::Telegram, QStringLiteral("UTC"), QStringLiteral("@harborpine_support")),
        inbox(10, QStringLiteral("Phone & voicemail (US)"), ChannelKind::Phone, QStringLiteral("America/New_York"), QStringLiteral("+1 415 555 0100")),
        inbox(11, QStringLiteral("Phone & voicemail (Greece)"), ChannelKind::Phone, QStringLiteral("Europe/Athens"), QStringLiteral("+30 210 555 0100")),
        inbox(12, QStringLiteral("WeChat bridge (API)"), ChannelKind::Api, QStringLiteral("Asia/Shanghai"), QStringLiteral("wechat-bridge")),
        inbox(13, QStringLiteral("In-app messages (API)"), ChannelKind::Api, QStringLiteral("UTC"), QStringLiteral("in-app")),
    };
    return list;
}

const QList<DemoAgentProfile> &DemoWorkspace::agents()
{
    // Languages: 0 en, 1 zh-Hans, 2 zh-Hant, 3 el. Quality weights: great, ok, terse, blame.
    static const QList<DemoAgentProfile> list = {
        profile(1, QStringLiteral("Alex Kim"), QStringLiteral("Alex"), QStringLiteral("alex.kim"), 0, 1, {5, 4, 1, 0.2}, QStringLiteral("online")),
        profile(2, QStringLiteral("Maria Santos"), QStringLiteral("Maria"), QStringLiteral("maria.santos"), 0, 1, {7, 3, 0.5, 0.1}, QStringLiteral("online")),
        profile(3, QStringLiteral("Daniel Okafor"), QStringLiteral("Daniel"), QStringLiteral("daniel.okafor"), 0, 1, {1, 4, 5, 1}, QStringLiteral("busy")),
        profile(4, QStringLiteral("Hannah Schmidt"), QStringLiteral("Hannah"), QStringLiteral("hannah.schmidt"), 0, 3, {8, 2, 0.3, 0}, QStringLiteral("online"), QStringLiteral("administrator")),
        profile(5, QString::fromUtf8("王磊"), QString::fromUtf8("王磊"), QStringLiteral("wang.lei"), 1, 1, {4, 4, 2, 0.5}, QStringLiteral("online")),
        profile(6, QString::fromUtf8("李静"), QString::fromUtf8("李静"), QStringLiteral("li.jing"), 1, 2, {6, 3, 1, 0.2}, QStringLiteral("offline")),
        profile(7, QString::fromUtf8("張家豪"), QString::fromUtf8("家豪"), QStringLiteral("chang.chiahao"), 2, 1, {3, 4, 2, 1}, QStringLiteral("online")),
        profile(8, QString::fromUtf8("林雅婷"), QString::fromUtf8("雅婷"), QStringLiteral("lin.yating"), 2, 3, {7, 2, 1, 0.2}, QStringLiteral("busy")),
        profile(9, QString::fromUtf8("Ελένη Γεωργίου"), QString::fromUtf8("Ελένη"), QStringLiteral("eleni.georgiou"), 3, 1, {6, 3, 1, 0.3}, QStringLiteral("online")),
        profile(10, QString::fromUtf8("Νίκος Δημητρίου"), QString::fromUtf8("Νίκος"), QStringLiteral("nikos.dimitriou"), 3, 2, {2, 4, 3, 1.5}, QStringLiteral("offline")),
        profile(11, QStringLiteral("Sofia Andersson"), QStringLiteral("Sofia"), QStringLiteral("sofia.andersson"), 0, 2, {5, 4, 1, 0.3}, QStringLiteral("offline")),
        profile(12, QStringLiteral("Maximiliane von Hohenberg-Ostermann"), QStringLiteral("Maximiliane"), QStringLiteral("m.hohenberg"), 0, 3, {4, 3, 2, 0.5}, QStringLiteral("busy")),
    };
    return list;
}

const QList<Team> &DemoWorkspace::teams()
{
    static const QList<Team> list = [] {
        QList<Team> teams;
        const QString names[] = {QStringLiteral("Orders & Shipping"), QStringLiteral("Billing"),
                                 QStringLiteral("Tier 2")};
        for (int i = 0; i < 3; ++i) {
            Team team;
            team.remoteId = i + 1;
            team.name = names[i];
            teams.append(team);
        }
        return teams;
    }();
    return list;
}

const QList<Label> &DemoWorkspace::labels()
{
    static const QList<Label> list = [] {
        const char *const rows[][3] = {
            {"lost-order", "Parcel never arrived or cannot be found", "#D64545"},
            {"damaged", "Item or package arrived damaged", "#E07B39"},
            {"refund", "Customer asks for money back", "#2F9E44"},
            {"shipping-delay", "Delivery later than promised", "#F0A202"},
            {"carrier", "Cause lies with the delivery company", "#8D6E63"},
            {"warehouse", "Cause lies with our warehouse", "#6D4C41"},
            {"password-reset", "Cannot sign in", "#1C7ED6"},
            {"identity-check", "Identity had to be verified before acting", "#364FC7"},
            {"complaint", "Customer is unhappy and said so", "#C2255C"},
            {"product-feedback", "Feedback on a product for the product team", "#7048E8"},
            {"vip", "Business plan or high lifetime value", "#FAB005"},
            {"peak-season", "Contact during the holiday surge", "#0CA678"},
            {"exchange", "Swap for another size, colour or model", "#15AABF"},
            {"billing", "Charges, invoices, subscriptions", "#495057"},
            {"bug", "Something in the app or website is broken", "#E03131"},
        };
        QList<Label> labels;
        qint64 id = 0;
        for (const auto &row : rows) {
            Label label;
            label.remoteId = ++id;
            label.title = QLatin1String(row[0]);
            label.description = QLatin1String(row[1]);
            label.color = QLatin1String(row[2]);
            labels.append(label);
        }
        return labels;
    }();
    return list;
}

qint64 DemoWorkspace::inboxFor(ChannelKind channel, int language, bool billing)
{
    switch (channel) {
    case ChannelKind::Email: return billing ? 2 : 1;
    case ChannelKind::WebChat: return 3;
    case ChannelKind::WhatsApp: return language == 2 ? 5 : 4;
    case ChannelKind::Sms: return 6;
    case ChannelKind::Facebook: return 7;
    case ChannelKind::Instagram: return 8;
    case ChannelKind::Telegram: return 9;
    case ChannelKind::Phone: return language == 3 ? 11 : 10;
    case ChannelKind::Api: return language == 1 ? 12 : 13;
    }
    return 13;
}

const std::array<double, 9> &DemoWorkspace::channelWeights(int language)
{
    // email, web chat, WhatsApp, SMS, Facebook, Instagram, Telegram, phone, API
    static const std::array<double, 9> weights[] = {
        {30, 22, 10, 8, 8, 6, 3, 8, 5},
        {25, 25, 4, 3, 2, 2, 8, 5, 26},
        {25, 20, 20, 3, 15, 7, 3, 4, 3},
        {30, 20, 12, 5, 15, 8, 2, 8, 2},
    };
    return weights[std::clamp(language, 0, 3)];
}

} // namespace Counterpart::Connectors::Demo
