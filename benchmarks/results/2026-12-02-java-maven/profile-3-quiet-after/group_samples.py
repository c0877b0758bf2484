import re,collections,sys
txt=open(sys.argv[1]).read()
events=re.split(r'\njdk\.(?:ExecutionSample|NativeMethodSample) ', txt)
rules=[('allure listener','io.qameta.allure'),('junit xml','LegacyXml|reporting'),('budget /proc/net','SocketTables|PortBudget'),('result log','ResultLog'),('class loading','ClassLoader|loadClass|defineClass|Resource.getBytes|zip.Inflater'),('socket open','Net.socket0|Libc.socket|Channel.open|ChannelImpl.<init>|SocketImpl.create|\.open\('),('close','close0|Libc.close|implClose|closeSocket|Dispatcher.close'),('record','Endpoint\.|Trace\.|Observation\.'),('bind+getsockname','Net.bind|Net.localAddress|Net.localPort|Net.localInetAddress|Libc.bind|Libc.getsockname|LibcSocket.lambda\$bind|LibcSocket.name'),('sockopt','SocketOption|setsockopt|getsockopt'),('junit engine','org.junit'),('quicktheories','quicktheories'),('jackson','jackson')]
cats=collections.Counter(); tops=collections.Counter(); n=0
for e in events[1:]:
    th=re.search(r'sampledThread = "([^"]*)"',e)
    if not th or th.group(1)!='main': continue
    st=re.search(r'stackTrace = \[(.*?)\n\s*\]',e,re.S)
    if not st: continue
    lines=[l.strip() for l in st.group(1).strip().split('\n')]
    n+=1
    stack='\n'.join(lines)
    cat='other'
    for name,pat in rules:
        if re.search(pat,stack): cat=name;break
    cats[cat]+=1
    if cat=='other': tops[' <- '.join(lines[:3])]+=1
print('main samples',n)
for k,v in cats.most_common(): print(f"{v:5d} {100*v/n:5.1f}% {k}")
print('--- other')
for k,v in tops.most_common(12): print(v,k)
