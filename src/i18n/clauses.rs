//! The letter's clauses, quoted: id → Chinese and English, as `CLAUSES.md` gives them (for the
//! printable sheet, which quotes every clause a result cites).

use slacalc::assess::IncidentResult;

/// One clause: id, the clause in Chinese, its English rendering.
pub type Clause = (&'static str, &'static str, &'static str);

/// Every clause of the letter, in order.
pub const CLAUSES: [Clause; 21] = [
    ("L1.1", "售后技术支持热线:周一至周五 9:00–18:00,次数不限", "Business-hours support hotline, Mon–Fri 09:00–18:00, unlimited calls"),
    ("L1.2", "7×24 小时支持热线", "24×7 hotline"),
    ("L1.3", "书面传真,注明转技术支持部", "Written fax to the support dept."),
    ("L2.1", "紧急事件:波及到系统内多数个人用户的收发,对客户的业务有重大影响", "Emergency event: affects mail sending/receiving of the majority of users, major business impact"),
    ("L2.2", "一般事件:对系统内少数个人用户造成影响,需要维护人员干预,以维持系统正常运行", "General event: affects a minority of users, needs maintainer intervention"),
    ("L2.3", "咨询:协助系统过渡、升级、扩容或增强的工具和手段", "Consultation: help with migration, upgrade, expansion, enhancement"),
    ("L3.1", "办公时间电话支持,每周一至五 9:00–18:00,次数不限", "Office-hours phone support, unlimited"),
    ("L3.2", "非办公时间请拨打24小时服务热线", "Outside office hours call the 24 h line"),
    ("L3.3", "客户应说明时间优先顺序:紧急、严重、不严重", "The customer states the priority: urgent, serious, not serious"),
    ("L3.3a", "紧急情况:系统不能正常使用。电话支持人员立即响应,并由专人在30分钟内通过远程拨号访问对系统进行维护", "Urgent: the system cannot be used normally. Phone staff respond immediately; an engineer starts maintenance by remote access within 30 min"),
    ("L3.3b", "严重情况:系统受损严重。电话支持人员立即响应,并由专人在30分钟内通过远程拨号访问对系统问题进行解决", "Serious: the system is seriously damaged. Immediate phone response; an engineer works on it by remote access within 30 min"),
    ("L3.3c", "一般情况:支持人员将在收到请求之后的1小时内做出响应", "General: staff respond within 1 h of receiving the request"),
    ("L3.4", "远程拨号访问:通过客户提供的网关进行系统的远程检查与诊断", "Remote access goes through a gateway the customer provides"),
    ("L3.5", "远程系统监测:每三月一次采集数据、分析并整理成报告提供给客户", "Remote monitoring: once every three months, collect data, analyse, report to the customer"),
    ("L4.1", "在合同规定保证期内,由于我方原因造成系统服务中断,我方承诺两小时内排除故障,恢复正常服务", "Within the warranty period, for a service interruption caused by the vendor, the vendor restores normal service within 2 hours"),
    ("L4.2", "如不能在承诺时间内排除故障,服务每中断一天,我方支付合同总价的0.25%的违约金", "If not restored in time, the vendor pays 0.25 % of the total contract price for each day the service is interrupted"),
    ("L4.3", "最终违约金不超过合同总价的5%", "Total liquidated damages never exceed 5 % of the total contract price"),
    ("L5.1", "不可抗力(战争、火灾、水灾、台风、地震、传染病、政变等)受阻,执行时间延长与事故持续相等日数", "Force majeure (war, fire, flood, typhoon, earthquake, epidemic, coup, ...) extends performance time by the same number of days the event lasted"),
    ("L5.2", "客户方停电、进水、UPS电力中断导致的硬盘/硬件损坏,协助客户尽量找回数据,但不承诺百分之百恢复", "Customer-side power cut, water ingress or UPS failure damaging disks/hardware: vendor helps recover data as far as possible, no 100 % promise"),
    ("L5.3", "由于服务器硬件问题、操作系统问题、误操作问题、网络环境问题等因素引起的故障,不在免费维护范围之内", "Faults caused by server hardware, the operating system, mis-operation or the network environment are outside free maintenance"),
    ("L6", "此承诺函为技术服务合同不可分割的部分,与合同本身具有同等法律效力", "The letter is an integral part of the contract"),
];

/// The clauses an incident's result rests on (its explanation's, its deadlines' and its
/// coverage's; each once), in the letter's order; ids the letter does not have are skipped.
pub fn cited(r: &IncidentResult) -> Vec<&'static Clause> {
    let mut ids: Vec<&str> = r.explanation.iter().map(|s| s.clause.as_str()).collect();
    ids.extend(r.deadlines.iter().map(|d| d.clause.as_str()));
    ids.push(r.coverage_clause.as_str());
    CLAUSES.iter().filter(|c| ids.contains(&c.0)).collect()
}
